/**
 * Plan facts of the database component: Aurora global clusters, clusters and their instances, RDS
 * DB instances and parameter groups; what replaces them; the diagram's database boxes.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { always, type ComponentPlanFacts } from "../lib/plan/facts";
import { stringInput } from "../lib/plan/planGraph";
import { servicePort } from "../lib/plan/ports";
import { cluster, clusterInstance, clusterParameterGroup, globalCluster, instance, parameterGroup } from "./lib/mocks";

/** An Aurora global cluster. */
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
/** An Aurora (or Multi-AZ DB) cluster. */
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
/** An RDS DB instance. */
export const RDS_INSTANCE = "aws:rds/instance:Instance";

/** The database component's facts. */
export const databasePlanFacts: ComponentPlanFacts = {
  component: "database",
  types: [
    {
      type: RDS_GLOBAL_CLUSTER,
      mock: globalCluster,
      creation: {
        seconds: 60,
        basis: "experience: a global cluster without members is available in about a minute; provider create timeout 30 min",
      },
      stateful: {
        label: "global database",
        loses: "the global database (its member clusters must be detached and re-joined)",
        replacedBy: always("region", "globalClusterIdentifier", "engine", "databaseName", "storageEncrypted", "sourceDbClusterIdentifier"),
      },
      kind: "globalDatabase",
    },
    {
      type: RDS_CLUSTER,
      mock: cluster,
      creation: {
        seconds: 600,
        basis: "experience: 5-10 min for an Aurora cluster, longer for a global secondary (storage replication is seeded); provider create timeout 120 min",
      },
      stateful: {
        label: "database cluster",
        loses: "the cluster volume (all data) unless a final snapshot is restored",
        replacedBy: [
          ...always(
            "region",
            "clusterIdentifier",
            "clusterIdentifierPrefix",
            "engine",
            "engineMode",
            "databaseName",
            "masterUsername",
            "storageEncrypted",
            "kmsKeyId",
            "dbSubnetGroupName",
            "availabilityZones",
            "snapshotIdentifier",
            "sourceRegion",
            "restoreToPointInTime",
            "s3Import",
            "clusterScalabilityType",
            "dbSystemId",
          ),
          {
            input: "storageType",
            condition: "engine is not Aurora (Multi-AZ DB clusters)",
            when: (before) => !(stringInput(before, "engine") ?? "").startsWith("aurora"),
          },
        ],
      },
      kind: "database",
      noun: "cluster",
      port: (resource) => servicePort(resource),
    },
    {
      type: "aws:rds/clusterInstance:ClusterInstance",
      mock: clusterInstance,
      creation: {
        seconds: 600,
        basis: "experience: 8-12 min per Aurora instance (instances of one cluster are created in parallel); provider create timeout 90 min",
      },
      stateful: {
        label: "database instance",
        loses: "the instance (the data lives in the cluster volume; the cluster loses capacity while it is recreated)",
        replacedBy: always("region", "identifier", "identifierPrefix", "clusterIdentifier", "engine", "availabilityZone", "dbSubnetGroupName", "customIamInstanceProfile"),
      },
      kind: "database",
      noun: "instance",
      port: (resource) => servicePort(resource),
    },
    {
      type: RDS_INSTANCE,
      mock: instance,
      creation: {
        seconds: 900,
        basis: "experience: 10-20 min for a Multi-AZ RDS instance, a cross-region read replica copies a snapshot first; provider create timeout 40 min",
      },
      stateful: {
        label: "database instance",
        loses: "the instance's storage (all data) unless a final snapshot is restored",
        replacedBy: always(
          "region",
          "engine",
          "username",
          "dbName",
          "storageEncrypted",
          "kmsKeyId",
          "availabilityZone",
          "characterSetName",
          "ncharCharacterSetName",
          "snapshotIdentifier",
          "restoreToPointInTime",
          "s3Import",
          "timezone",
          "customIamInstanceProfile",
        ),
      },
      kind: "database",
      noun: "RDS instance",
      port: (resource) => servicePort(resource),
    },
    { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", mock: clusterParameterGroup, creation: API_ONLY_CREATION },
    { type: "aws:rds/parameterGroup:ParameterGroup", mock: parameterGroup, creation: API_ONLY_CREATION },
  ],
};
