/**
 * Every config section of a stack file, in the order the schema and the reference list them: the
 * stack's own keys first, then each component's section. The config engine reads this list and
 * nothing else; a new component adds its section here.
 */
import { cacheSection } from "../components/cache/section";
import { cdnSection } from "../components/cdn/section";
import { webSection, workerSection } from "../components/compute/section";
import { databaseSection } from "../components/database/section";
import { domainSection } from "../components/dns/domainSection";
import { dnsSection } from "../components/dns/section";
import { loadBalancerSection } from "../components/loadbalancer/section";
import { networkSection } from "../components/network/section";
import { alarmsSection } from "../components/observability/section";
import { queuesSection } from "../components/queue/section";
import type { Section, SectionValue } from "../components/lib/settings";
import { chaosSection } from "../components/chaos/section";
import { stackSection, type StackValues } from "./stackSettings";

/** The sections, in order. */
export const SECTIONS = [
  stackSection,
  networkSection,
  domainSection,
  loadBalancerSection,
  webSection,
  workerSection,
  queuesSection,
  alarmsSection,
  databaseSection,
  cacheSection,
  cdnSection,
  dnsSection,
  chaosSection,
] as const;

type ComponentSections = Exclude<(typeof SECTIONS)[number], typeof stackSection>;

/** The validated stack config with every default applied: the stack's own keys and one entry per section. */
export type BlueprintConfig = StackValues & { readonly [S in ComponentSections as S["key"]]: SectionValue<S> };

/** The sections as the engine takes them. */
export const ENGINE_SECTIONS: readonly Section<unknown, string>[] = SECTIONS as unknown as readonly Section<unknown, string>[];
