/** The config namespace of the stack files: the Pulumi project name (`Pulumi.yaml` `name`). */
export const CONFIG_NAMESPACE = "blueprint";
