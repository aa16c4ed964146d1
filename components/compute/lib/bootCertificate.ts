/**
 * The boot step that gives every instance its own TLS certificate, so the load balancer's HTTPS
 * target group reaches the instance over TLS. The certificate is self-signed and made on the
 * instance: its private key never leaves it (it is not in user data, the plan or Pulumi state).
 * An ALB does not validate a target's certificate (name, issuer or expiry), so self-signed is
 * enough for the hop inside the VPC; the viewer-facing certificates stay ACM's.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration
 */

/** Where the certificate and its key are written. */
export const TLS_DIR = "/etc/blueprint/tls";
/** The certificate the application serves on its port (PEM). */
export const TLS_CERT_FILE = `${TLS_DIR}/cert.pem`;
/** Its private key (PEM, readable by root only). */
export const TLS_KEY_FILE = `${TLS_DIR}/key.pem`;

/** Validity of the boot certificate in days; instances are replaced long before (instance refresh). */
export const BOOT_CERTIFICATE_DAYS = 397;

/**
 * Shell lines that make the certificate once (a reboot keeps it) and append its paths to the
 * environment file as `BLUEPRINT_TLS_CERT` and `BLUEPRINT_TLS_KEY`. openssl ships with every image
 * the blueprint uses (Amazon Linux 2023, Ubuntu).
 */
export function bootCertificateSteps(envFile: string): string[] {
  return [
    "# TLS from the load balancer to this instance: a self-signed certificate made here, its key never leaves the instance",
    `install -d -m 0700 ${TLS_DIR}`,
    `if [ ! -s ${TLS_KEY_FILE} ]; then`,
    `  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days ${BOOT_CERTIFICATE_DAYS} -subj "/CN=$(hostname)" -keyout ${TLS_KEY_FILE} -out ${TLS_CERT_FILE})`,
    "fi",
    `chmod 0600 ${TLS_KEY_FILE}`,
    `chmod 0644 ${TLS_CERT_FILE}`,
    `printf 'BLUEPRINT_TLS_CERT=%s\\nBLUEPRINT_TLS_KEY=%s\\n' ${TLS_CERT_FILE} ${TLS_KEY_FILE} >> ${envFile}`,
  ];
}
