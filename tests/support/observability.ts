/**
 * The observability inputs shared by the alarm, dashboard and argument tests
 * (components/observability/lib): thresholds, an alarm-spec input and a dashboard input.
 */
import type { AlarmSpecInput, AlarmThresholds } from "../../components/observability/lib/alarms";
import type { DashboardInput } from "../../components/observability/lib/dashboard";

export const THRESHOLDS: AlarmThresholds = { alb5xxPercent: 5, targetResponseP99Seconds: 2, queueOldestMessageAgeSeconds: 900 };
export const INPUT: AlarmSpecInput<string> = {
  region: "eu-west-1",
  namePrefix: "blueprint-prod",
  thresholds: THRESHOLDS,
  loadBalancerArnSuffix: "app/web/1",
  targetGroupArnSuffix: "targetgroup/web/2",
  queues: [{ name: "orders", queueName: "blueprint-prod-orders.fifo", deadLetterQueueName: "blueprint-prod-orders-dlq.fifo" }],
};

export const DASHBOARD: DashboardInput = {
  region: "ap-southeast-2",
  thresholds: THRESHOLDS,
  loadBalancerArnSuffix: "app/web/1",
  targetGroupArnSuffix: "targetgroup/web/2",
  autoScalingGroups: { web: "web-asg", worker: "worker-asg" },
  queues: [
    { name: "orders", queueName: "p-orders.fifo", deadLetterQueueName: "p-orders-dlq.fifo" },
    { name: "emails", queueName: "p-emails", deadLetterQueueName: "p-emails-dlq" },
  ],
};
