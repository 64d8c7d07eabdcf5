/**
 * Programme enrolments of the generated students, served by the SIS on
 * `GET /persons/{personId}/associations` (OKE flow 1). A coordinator uses the
 * programme, cohort and location to recognise a candidate at the door.
 */
import type { JsonObject } from './json';

const consumerKey = 'nl-test-admin';

interface ProgrammeTemplate {
  code: string;
  name: string;
  location: string;
}

const PROGRAMMES: ProgrammeTemplate[] = [
  { code: '25655', name: 'Verzorgende-IG (niveau 3)', location: 'Campus Zwolle' },
  { code: '25604', name: 'Software developer (niveau 4)', location: 'Campus Deventer' },
  { code: '25480', name: 'Medewerker ICT support (niveau 2)', location: 'Campus Zwolle' },
  { code: '25180', name: 'Mediavormgever (niveau 4)', location: 'Campus Apeldoorn' },
];

/** Builds a stable UUID from a name and an index, so the same seed gives the same ids. */
function stableUuid(namespace: number, index: number): string {
  const hex = (namespace * 1_000_003 + index).toString(16).padStart(12, '0').slice(-12);
  return `6f1e${hex.slice(0, 4)}-8a2b-4c3d-9e4f-${hex}`;
}

function nl(value: string): JsonObject[] {
  return [{ language: 'nl-NL', value }];
}

function programmeOffering(template: ProgrammeTemplate, index: number, schoolYear: string): JsonObject {
  const [startYear, endYear] = schoolYear.split('-');
  return {
    offeringId: stableUuid(1, index),
    primaryCode: { codeType: 'offeringCode', code: `${template.code}-${schoolYear}` },
    offeringType: 'program',
    name: nl(template.name),
    description: nl(`${template.name}, cohort ${schoolYear}`),
    teachingLanguage: 'nld',
    resultExpected: false,
    startDateTime: `${startYear}-08-01T00:00:00+02:00`,
    endDateTime: `${Number(endYear) + 2}-07-31T00:00:00+02:00`,
    consumers: [{ consumerKey, offeringState: 'active', cohort: schoolYear, location: template.location }],
  };
}

/** Enrols every student in one programme, spread over the templates by position. */
export function buildProgrammeEnrolments(studentIds: string[], today: string): Map<string, JsonObject[]> {
  const year = Number(today.slice(0, 4));
  const schoolYear = Number(today.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
  const offerings = PROGRAMMES.map((template, index) => programmeOffering(template, index, schoolYear));

  const enrolments = new Map<string, JsonObject[]>();
  studentIds.forEach((personId, index) => {
    const offering = offerings[index % offerings.length]!;
    enrolments.set(personId, [
      {
        associationId: stableUuid(2, index),
        associationType: 'programOfferingAssociation',
        role: 'student',
        state: 'associated',
        person: personId,
        offering,
      },
    ]);
  });
  return enrolments;
}
