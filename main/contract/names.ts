/**
 * The names of the API operations, without their schemas, so the preload
 * bridge can check a name without bundling the validator.
 */
export const apiNameList = [
  'overview',
  'listOfferings',
  'openOffering',
  'registerAttendance',
  'recordIrregularities',
  'recordResult',
  'closeOffering',
  'sync',
  'deliver',
  'listOutbox',
] as const;

export type ApiName = (typeof apiNameList)[number];

export function isApiName(name: string): name is ApiName {
  return (apiNameList as readonly string[]).includes(name);
}
