/**
 * Entry point of the Pulumi program (Pulumi.yaml `main`). It exports one function: Pulumi runs it
 * inside the stack and uses what it returns as the stack outputs. The offline plan engine calls the
 * same function under its recording mock monitor.
 */
import * as pulumi from "@pulumi/pulumi";
import { blueprintOutputs, createBlueprint } from "./blueprint";
import { loadConfig } from "./config";

// synchronous: Pulumi awaits whatever the program returns, and so does the offline plan
export = (): Record<string, unknown> => {
  const config = loadConfig();
  const blueprint = createBlueprint(config, { project: pulumi.getProject(), stack: pulumi.getStack() });
  return blueprintOutputs(blueprint);
};
