/**
 * Route 53 hosted zones of regional AWS endpoints, for mocked outputs that other resources alias.
 */

/** Route 53 zone of each region's ALB DNS names (AWS's published values; others get a stand-in). */
export const ELB_ZONE_IDS: Readonly<Record<string, string>> = {
  "us-east-1": "Z35SXDOTRQ7X7K",
  "us-east-2": "Z3AADJGX6KTTL2",
  "us-west-2": "Z1H1FL5HABSF5",
  "eu-west-1": "Z32O12XQLNTSW2",
  "eu-central-1": "Z215JYRZR1TBD5",
  "ap-southeast-2": "Z1GM3OXH4ZPM65",
};
