#!/usr/bin/env bash
# Before `pulumi preview` or `pulumi up` of one stack: logs in to the backend, selects the stack,
# creating it when it is new (a first deploy has no stack yet), and sets the stack tags the policy
# pack reads (`npm run -s plan -- stack-tags`: the environment, and the resilience waiver or its
# removal), so that a stack passes or fails `pulumi preview` exactly as it does offline.
#
# Environment: STACK (required), PULUMI_ORG (Pulumi Cloud organization; stacks are <org>/<stack>),
# PULUMI_BACKEND_URL (a self-managed backend such as s3://...), SECRETS_PROVIDER (for a new stack,
# e.g. awskms://alias/pulumi-secrets?region=us-east-1; default: the backend's own).
set -euo pipefail
: "${STACK:?set STACK to the stack to prepare}"

if [ -n "${PULUMI_BACKEND_URL:-}" ]; then
  pulumi login "$PULUMI_BACKEND_URL"
else
  pulumi login
fi

name="${PULUMI_ORG:+$PULUMI_ORG/}$STACK"
if pulumi stack select "$name" 2>/dev/null; then
  echo "Stack $name exists."
else
  echo "Stack $name is new: creating it."
  pulumi stack init "$name" ${SECRETS_PROVIDER:+--secrets-provider "$SECRETS_PROVIDER"}
fi

tags="$(npm run -s plan -- stack-tags "$STACK")"
# one "set|rm <tab> key <tab> value" line per tag; a null tag is removed (an earlier waiver's)
node -e 'for (const [k, v] of Object.entries(JSON.parse(process.argv[1]))) console.log([v === null ? "rm" : "set", k, v ?? ""].join("\t"))' "$tags" |
  while IFS=$'\t' read -r action key value; do
    if [ "$action" = set ]; then
      pulumi stack tag set --stack "$name" "$key" "$value"
    else
      pulumi stack tag rm --stack "$name" "$key" 2>/dev/null || true
    fi
  done
echo "Stack tags of $name: $tags"
