/**
 * Regular expressions more than one module needs, defined once. Pure.
 */

/** A whole Terraform value that is one variable reference, `${var.NAME}`; group 1 is NAME. */
export const TERRAFORM_VARIABLE_REFERENCE = /^\$\{var\.([A-Za-z0-9_-]+)\}$/;

/** An optionally signed decimal integer, as text. */
export const INTEGER_TEXT = /^-?\d+$/;

/** An AWS VPC id: `vpc-` and 8 or 17 lower-case hex digits. */
export const AWS_VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** A Terraform string holding an expression (`${...}`) rather than a literal. */
export function isTerraformExpression(value: string): boolean {
  return value.includes("${");
}
