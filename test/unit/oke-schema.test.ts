import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { parse } from 'yaml';

import { loadOkeSchema, OKE_SPEC_FILE, TEST_ADMIN_CONSUMER_KINDS } from '../../main/oke/schema';

const id = '123e4567-e89b-12d3-a456-426614174000';
const schema = loadOkeSchema();

interface MediaType {
  examples?: Record<string, { value: unknown }>;
}
interface OperationDefinition {
  requestBody?: { content: Record<string, MediaType> };
}

function examplesOf(template: string, method: string): [string, unknown][] {
  const spec = parse(readFileSync(OKE_SPEC_FILE, 'utf8'), { maxAliasCount: -1 }) as { paths: Record<string, Record<string, OperationDefinition>> };
  const content = spec.paths[template]?.[method]?.requestBody?.content ?? {};
  return Object.values(content).flatMap((media) => Object.entries(media.examples ?? {}).map(([name, example]): [string, unknown] => [name, example.value]));
}

function organization(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId: id,
    organizationType: 'root',
    name: [{ language: 'nl-NL', value: 'ROC Midden' }],
    shortName: 'ROC',
    primaryCode: { codeType: 'brin', code: '00AA' },
    ...extra,
  };
}

const flow3Body = {
  associationType: 'componentOfferingAssociation',
  result: {
    state: 'in progress',
    resultDate: '2026-06-04',
    weight: 100,
    consumers: [{ consumerKey: 'nl-test-admin', attendance: 'present' }],
  },
};

const flow4Body = {
  offeringType: 'component',
  consumers: [
    {
      consumerKey: 'nl-test-admin',
      offeringState: 'active',
      irregularities: 'Brandalarm om 09:40.',
      documents: [{ documentId: id, documentType: 'sessionReport', documentName: 'proces-verbaal.pdf' }],
    },
  ],
};

function withAttendance(attendance: string): Record<string, unknown> {
  return { ...flow3Body, result: { ...flow3Body.result, consumers: [{ consumerKey: 'nl-test-admin', attendance }] } };
}

describe('oke schema', () => {
  test('spec file is the vendored copy', () => {
    assert.equal(OKE_SPEC_FILE, join(__dirname, '..', '..', 'main', 'oke', 'spec', 'ooapiv5_MBO.yaml'));
  });

  test('loader returns one cached instance', () => {
    assert.equal(loadOkeSchema(), schema);
  });

  test('matchOperation finds PATCH association', () => {
    const match = schema.matchOperation('PATCH', `/associations/${id}`);
    assert.equal(match?.template, '/associations/{associationId}');
    assert.equal(match?.operationId, 'partialUpdateAssociationById');
    assert.ok(match?.scopes.includes('nl-test-admin-flow-2-3-4'));
    assert.equal(match?.pathParameters.associationId, id);
  });

  test('matchOperation prefers the longer template', () => {
    assert.equal(schema.matchOperation('GET', `/offerings/${id}/associations`)?.operationId, 'listAssociationsByOfferingId');
    assert.equal(schema.matchOperation('GET', `/offerings/${id}`)?.operationId, 'listOfferingById');
    assert.equal(schema.matchOperation('GET', '/offerings')?.operationId, 'listOfferings');
  });

  test('matchOperation matches the root path', () => {
    assert.equal(schema.matchOperation('get', '/')?.operationId, 'listServiceMetaData');
  });

  test('matchOperation rejects unknown paths and methods', () => {
    assert.equal(schema.matchOperation('GET', '/courses'), null);
    assert.equal(schema.matchOperation('DELETE', `/offerings/${id}`), null);
    assert.equal(schema.matchOperation('GET', `/offerings/${id}/associations/extra`), null);
  });

  for (const [name, body] of examplesOf('/associations/{associationId}', 'patch')) {
    test(`PATCH association accepts example "${name}"`, () => {
      assert.deepEqual(schema.validateRequestBody('PATCH', `/associations/${id}`, body).errors, []);
    });
  }

  for (const [name, body] of examplesOf('/offerings/{offeringId}', 'patch')) {
    test(`PATCH offering accepts example "${name}"`, () => {
      assert.deepEqual(schema.validateRequestBody('PATCH', `/offerings/${id}`, body).errors, []);
    });
  }

  test('PATCH association accepts a flow 3 body', () => {
    assert.equal(schema.validateRequestBody('PATCH', `/associations/${id}`, flow3Body).valid, true);
  });

  test('PATCH association rejects result without weight', () => {
    const { weight: _weight, ...result } = flow3Body.result;
    const check = schema.validateRequestBody('PATCH', `/associations/${id}`, { ...flow3Body, result });
    assert.equal(check.valid, false);
    assert.deepEqual(check.errors, ["/result must have required property 'weight'"]);
  });

  test('PATCH association rejects an unknown result state', () => {
    const check = schema.validateRequestBody('PATCH', `/associations/${id}`, { ...flow3Body, result: { ...flow3Body.result, state: 'done' } });
    assert.equal(check.valid, false);
    assert.match(check.errors[0] ?? '', /^\/result\/state must be equal to one of the allowed values/);
  });

  test('PATCH offering rejects an unknown offeringType', () => {
    const check = schema.validateRequestBody('PATCH', `/offerings/${id}`, { offeringType: 'zitting' });
    assert.equal(check.valid, false);
  });

  test('PATCH offering accepts a flow 4 body', () => {
    assert.equal(schema.validateRequestBody('PATCH', `/offerings/${id}`, flow4Body).valid, true);
  });

  test('outbound check accepts a flow 3 body', () => {
    assert.deepEqual(schema.validateOutboundBody('PATCH', `/associations/${id}`, flow3Body).errors, []);
  });

  test('outbound check accepts a graded flow 3 body', () => {
    const consumer = { consumerKey: 'nl-test-admin', attendance: 'present', testDate: '2026-06-04T09:00:00+02:00', final: false, assessorId: id };
    const body = { ...flow3Body, result: { ...flow3Body.result, state: 'completed', pass: 'passed', score: '7.5', consumers: [consumer] } };
    assert.deepEqual(schema.validateOutboundBody('PATCH', `/associations/${id}`, body).errors, []);
  });

  test('outbound check accepts a flow 4 body', () => {
    assert.deepEqual(schema.validateOutboundBody('PATCH', `/offerings/${id}`, flow4Body).errors, []);
  });

  test('full body check passes attendance "here"', () => {
    const body = withAttendance('here');
    assert.equal(schema.validateRequestBody('PATCH', `/associations/${id}`, body).valid, true);
  });

  test('outbound check rejects attendance "here"', () => {
    const check = schema.validateOutboundBody('PATCH', `/associations/${id}`, withAttendance('here'));
    assert.equal(check.valid, false);
    assert.deepEqual(check.errors, ['/result/consumers/0/attendance must be equal to one of the allowed values (notKnown, notPresent, notStarted, notFinished, present)']);
  });

  test('outbound check rejects a result without attendance', () => {
    const body = { ...flow3Body, result: { ...flow3Body.result, consumers: [{ consumerKey: 'nl-test-admin' }] } };
    const check = schema.validateOutboundBody('PATCH', `/associations/${id}`, body);
    assert.deepEqual(check.errors, ["/result/consumers/0 must have required property 'attendance'"]);
  });

  test('outbound check finds nl-test-admin after other consumers', () => {
    const other = { consumerKey: 'x-test-consumer', attendance: 'here' };
    const body = { ...flow3Body, result: { ...flow3Body.result, consumers: [other, { consumerKey: 'nl-test-admin', attendance: 'gone' }] } };
    const check = schema.validateOutboundBody('PATCH', `/associations/${id}`, body);
    assert.equal(check.errors.length, 1);
    assert.match(check.errors[0] ?? '', /^\/result\/consumers\/1\/attendance /);
  });

  test('outbound check rejects offeringState "closed"', () => {
    const body = { ...flow4Body, consumers: [{ ...flow4Body.consumers[0], offeringState: 'closed' }] };
    const check = schema.validateOutboundBody('PATCH', `/offerings/${id}`, body);
    assert.deepEqual(check.errors, ['/consumers/0/offeringState must be equal to one of the allowed values (active, canceled)']);
  });

  test('outbound check rejects a flow 4 body without offeringState', () => {
    const { offeringState: _offeringState, ...consumer } = flow4Body.consumers[0]!;
    const check = schema.validateOutboundBody('PATCH', `/offerings/${id}`, { ...flow4Body, consumers: [consumer] });
    assert.deepEqual(check.errors, ["/consumers/0 must have required property 'offeringState'"]);
  });

  test('outbound check keeps full body errors', () => {
    const { weight: _weight, ...result } = flow3Body.result;
    const check = schema.validateOutboundBody('PATCH', `/associations/${id}`, { ...flow3Body, result });
    assert.deepEqual(check.errors, ["/result must have required property 'weight'"]);
  });

  test('consumer check knows every nl-test-admin schema', () => {
    for (const kind of TEST_ADMIN_CONSUMER_KINDS) {
      assert.equal(schema.validateTestAdminConsumer(kind, { consumerKey: 'nl-test-admin', offeringState: 'active', attendance: 'present' }).valid, true, kind);
    }
  });

  test('consumer check rejects an unknown safety value', () => {
    const consumer = { consumerKey: 'nl-test-admin', offeringState: 'active', safety: ['Fixed Location'] };
    assert.equal(schema.validateTestAdminConsumer('Offering', consumer).valid, false);
  });

  test('request body on a GET is rejected', () => {
    assert.equal(schema.validateRequestBody('GET', '/offerings', {}).valid, false);
  });

  test('response of GET person requires surname', () => {
    const person = {
      personId: id,
      primaryCode: { codeType: 'studentNumber', code: '2100001' },
      givenName: 'Noëlle',
      surnamePrefix: 'van der',
      surname: 'Berg',
      displayName: 'Noëlle van der Berg',
      activeEnrollment: true,
      affiliations: ['student'],
      mail: '2100001@student.roc-oke.example',
    };
    assert.equal(schema.validateResponse('GET', `/persons/${id}`, 200, person).valid, true);
    const { surname: _surname, ...withoutSurname } = person;
    assert.deepEqual(schema.validateResponse('GET', `/persons/${id}`, 200, withoutSurname).errors, ["/ must have required property 'surname'"]);
  });

  test('error response needs status and title', () => {
    assert.equal(schema.validateResponse('GET', `/offerings/${id}`, 404, { status: '404', title: 'Not Found' }).valid, true);
    assert.equal(schema.validateResponse('GET', `/offerings/${id}`, 404, { title: 'Not Found' }).valid, false);
    assert.equal(schema.validateProblem({ status: 404, title: 'Not Found' }).valid, false);
  });

  test('undeclared status is invalid', () => {
    assert.equal(schema.declaresStatus('PATCH', `/associations/${id}`, 404), false);
    assert.equal(schema.validateResponse('PATCH', `/associations/${id}`, 404, { status: '404', title: 'Not Found' }).valid, false);
  });

  test('response without declared body must be empty', () => {
    assert.equal(schema.validateResponse('PATCH', `/offerings/${id}`, 200, undefined).valid, true);
    assert.equal(schema.validateResponse('PATCH', `/offerings/${id}`, 200, { offeringId: id }).valid, false);
  });

  test('recursive anchors validate nested parents', () => {
    const nested = organization({ parent: organization({ parent: organization({ parent: organization() }) }) });
    assert.equal(schema.validateResponse('GET', `/organizations/${id}`, 200, nested).valid, true);
  });

  test('recursive anchors reject a deep error', () => {
    const nested = organization({ parent: organization({ parent: organization({ parent: organization({ shortName: 5 }) }) }) });
    const check = schema.validateResponse('GET', `/organizations/${id}`, 200, nested);
    assert.ok(check.errors.includes('/parent/parent/parent/shortName must be string'), check.errors.join('\n'));
  });

  test('query accepts declared parameters', () => {
    const query = new URLSearchParams('offeringType=component&since=2026-06-03&until=2026-06-17&pageSize=100&pageNumber=2&sort=startDateTime,-name');
    assert.deepEqual(schema.validateQuery('GET', '/offerings', query).errors, []);
  });

  test('query rejects wrong values', () => {
    const check = schema.validateQuery('GET', '/offerings', new URLSearchParams('since=2026-13-45&pageSize=7&resultExpected=maybe'));
    assert.deepEqual(check.errors, [
      '?pageSize must be equal to one of the allowed values (10, 20, 50, 100, 250)',
      '?resultExpected must be boolean',
      '?since must match format "date"',
    ]);
  });

  test('query rejects unknown and repeated parameters', () => {
    const check = schema.validateQuery('GET', '/components', new URLSearchParams('locationCode=A-22&pageNumber=1&pageNumber=2'));
    assert.deepEqual(check.errors, ['?locationCode is not a query parameter of /components', '?pageNumber must occur once']);
  });

  test('path parameter must be a UUID', () => {
    assert.equal(schema.validatePathParameters('GET', `/offerings/${id}`).valid, true);
    assert.deepEqual(schema.validatePathParameters('GET', '/offerings/zitting-1').errors, ['{offeringId} must match format "uuid"']);
  });
});
