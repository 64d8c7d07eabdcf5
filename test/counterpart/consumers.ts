/**
 * Checks the nl-test-admin consumers of a served OOAPI body against their own
 * schemas. The definition types each `consumers` item as `anyOf` a generic
 * consumer and the nl-test-admin schema, so its response check alone passes
 * an nl-test-admin consumer with, say, an unknown `safety` value.
 */
import type { OkeSchema, TestAdminConsumerKind } from '../../main/oke/schema';
import { isJsonObject, type JsonValue } from './json';

const KIND_BY_TEMPLATE: Record<string, TestAdminConsumerKind> = {
  '/components': 'Component',
  '/components/{componentId}': 'Component',
  '/offerings': 'Offering',
  '/offerings/{offeringId}': 'Offering',
  '/offerings/{offeringId}/associations': 'Association',
  '/persons/{personId}': 'Person',
};

function consumerErrors(schema: OkeSchema, kind: TestAdminConsumerKind, owner: JsonValue | undefined, where: string): string[] {
  if (!isJsonObject(owner) || !Array.isArray(owner.consumers)) return [];
  return owner.consumers.flatMap((consumer, index) => {
    if (!isJsonObject(consumer) || consumer.consumerKey !== 'nl-test-admin') return [];
    const prefix = `${where}/consumers/${index}`;
    return schema.validateTestAdminConsumer(kind, consumer).errors.map((line) => `${prefix}${line.startsWith('/ ') ? line.slice(1) : line} (nl-test-admin-${kind})`);
  });
}

/** Returns one line per problem, with the JSON pointer of the value and the nl-test-admin schema it fails. */
export function checkTestAdminConsumers(schema: OkeSchema, template: string, body: JsonValue | undefined): string[] {
  const kind = KIND_BY_TEMPLATE[template];
  if (!kind) return [];
  const isPage = isJsonObject(body) && Array.isArray(body.items);
  const items = isPage ? (body.items as JsonValue[]) : [body];

  return items.flatMap((item, index) => {
    const where = isPage ? `/items/${index}` : '';
    const errors = consumerErrors(schema, kind, item, where);
    if (kind === 'Association' && isJsonObject(item)) {
      errors.push(...consumerErrors(schema, 'Person', item.person, `${where}/person`));
      errors.push(...consumerErrors(schema, 'Result', item.result, `${where}/result`));
    }
    return errors;
  });
}
