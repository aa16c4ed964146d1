/**
 * The program's writer guard: reads the global database's members (`aws.rds.getGlobalCluster`)
 * and stops the program, naming the command to run, when the live writer is not in the declared
 * writer region. Before the global cluster exists the look-up fails; that is the first deployment,
 * and there is no writer to demote.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWriter, writerAssumption, type GlobalClusterMember } from "./lib/writerGuard";

/** The guard's record for the stack outputs: the declared writer and what the live one is (or the assumption). */
export function writerGuard(stack: string, globalClusterIdentifier: string, declared: string, region: string): pulumi.Output<Record<string, string>> {
  const members: Promise<GlobalClusterMember[]> = aws.rds
    .getGlobalCluster({ identifier: globalClusterIdentifier, region })
    .then((cluster) => cluster.members.map((member) => ({ dbClusterArn: member.dbClusterArn, isWriter: member.isWriter })))
    // not found: the global cluster is created by this update
    .catch(() => []);
  return pulumi.output(members).apply((list): Record<string, string> => {
    const check = checkWriter(stack, declared, list);
    if (check.problem) throw new pulumi.RunError(check.problem);
    return { declared: check.declared, live: check.live ?? writerAssumption(declared) };
  });
}
