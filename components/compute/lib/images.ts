/**
 * Machine images: which public SSM parameter names the latest AMI of an operating system and
 * architecture in every region, the AMI's root device, and which instance types run which
 * architecture. AMI IDs differ per region, so the blueprint never takes one from config.
 */

/** Operating systems the tiers can run. */
export const OPERATING_SYSTEMS = ["al2023", "ubuntu-24.04"] as const;
/** One of `OPERATING_SYSTEMS`. */
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/** CPU architectures. */
export const ARCHITECTURES = ["arm64", "x86_64"] as const;
/** One of `ARCHITECTURES`. */
export type Architecture = (typeof ARCHITECTURES)[number];

/**
 * The public SSM parameter holding the current AMI ID. AWS and Canonical publish these in every
 * commercial region, so resolving it per region gives the right image everywhere.
 */
export function amiParameterName(os: OperatingSystem, architecture: Architecture): string {
  switch (os) {
    case "al2023":
      return `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${architecture}`;
    case "ubuntu-24.04":
      // Canonical names the x86 build "amd64"
      return `/aws/service/canonical/ubuntu/server/24.04/stable/current/${architecture === "x86_64" ? "amd64" : "arm64"}/hvm/ebs-gp3/ami-id`;
  }
}

/**
 * The AMI's root device. A block-device mapping under another name adds a second volume and
 * leaves the root volume unencrypted at its default size, so it must match the image.
 */
export function rootDeviceName(os: OperatingSystem): string {
  switch (os) {
    case "al2023":
      return "/dev/xvda";
    case "ubuntu-24.04":
      return "/dev/sda1";
  }
}

/**
 * Most instance types (launch-template overrides) one Auto Scaling group takes. The API's other
 * limit, 20, is on distinct launch templates, not on types.
 *
 * @see https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_LaunchTemplateOverrides.html
 */
export const MAX_INSTANCE_TYPES = 40;

/** Smallest root volume the images accept (their snapshots are 8 GiB). */
export const MIN_ROOT_VOLUME_GIB = 8;
/** Largest gp3 volume. */
export const MAX_ROOT_VOLUME_GIB = 16384;

const INSTANCE_TYPE = /^([a-z]+)(\d+)([a-z-]*)\.(nano|micro|small|medium|large|metal(-\d+xl)?|\d*xlarge)$/;

/** The architecture an instance type runs, or a reason it is not a valid EC2 instance type name. */
export function instanceTypeArchitecture(instanceType: string): Architecture | { problem: string } {
  const match = INSTANCE_TYPE.exec(instanceType);
  if (!match) {
    return { problem: "is not an EC2 instance type name such as m7g.large or t3.small" };
  }
  const [, family, , attributes] = match;
  // Graviton families carry a "g" right after the generation: t4g, m7g, c6gn, r8gd, x2gd
  // (GPU families start with "g" instead and are x86: g5, g6e; g5g is the Graviton exception).
  if (attributes.startsWith("g")) return "arm64";
  if (family === "a" && match[2] === "1") return "arm64";
  return "x86_64";
}

/** True for burstable families (t2, t3, t3a, t4g): CPU credits make them unsuitable for steady load. */
export function isBurstable(instanceType: string): boolean {
  return /^t\d/.test(instanceType);
}
