/**
 * Messages for people, Dutch first with English beside it. Keys are stable
 * codes that also travel in API errors. `{name}` placeholders are filled from
 * the params. This file imports neither Node nor the DOM.
 */

export type Language = 'nl' | 'en';

const nl = {
  'config.unreadable': 'Het configuratiebestand {file} kan niet worden gelezen: {reason}. Controleer het pad.',
  'config.notJson': 'Het configuratiebestand {file} is geen geldige JSON: {reason}.',
  'config.invalid': 'Het configuratiebestand is ongeldig bij "{field}": {problem}. Pas dit veld aan en probeer opnieuw.',
  'config.required': 'Voor {operation} is een configuratiebestand nodig. Start OKE Lokaal met --config BESTAND.',
  'config.secretMissing':
    'De omgevingsvariabele {variable} voor het wachtwoord van "{endpoint}" is niet gezet. Zet de variabele en probeer opnieuw.',
  'datadir.inUse':
    'De gegevensmap {dataDir} is in gebruik door een ander OKE Lokaal-proces (pid {pid}). Sluit dat eerst af; er is niets gewijzigd.',
  'datadir.unusable': 'De gegevensmap {dataDir} kan niet worden gebruikt: {reason}.',
  'db.newerVersion':
    'De database in {dataDir} is gemaakt door een nieuwere versie van OKE Lokaal (schema {found}, deze versie kent {known}). Werk OKE Lokaal bij.',
  'oke.unreachable':
    'Geen verbinding met {endpoint} ({url}). De gegevens blijven bewaard; controleer de verbinding en probeer later opnieuw.',
  'oke.timeout': '{endpoint} antwoordde niet op tijd ({url}). De gegevens blijven bewaard; probeer later opnieuw.',
  'oke.credentials':
    '{endpoint} weigert de inloggegevens (clientId of clientSecret). Controleer ze in de configuratie.',
  'oke.scope':
    '{endpoint} geeft geen toegang met scope "{scope}". Controleer de scope in de configuratie of vraag de beheerder om rechten.',
  'oke.notFound': '{endpoint} kent het adres {url} niet (404). Controleer baseUrl in de configuratie.',
  'oke.rateLimited': '{endpoint} vraagt om even te wachten (429). Probeer het over een minuut opnieuw.',
  'oke.serverError': '{endpoint} gaf een fout ({status}: {title}). De gegevens blijven bewaard; probeer later opnieuw.',
  'oke.rejected': '{endpoint} weigerde het verzoek ({status}: {title}). Neem contact op met de beheerder.',
  'oke.badResponse':
    '{endpoint} stuurde een onbruikbaar antwoord op {url}: {problem}. De eerder gesynchroniseerde gegevens zijn ongewijzigd.',
  'service.versionUnsupported':
    '{endpoint} ondersteunt OOAPI {versions}, maar OKE Lokaal spreekt v5. Gegevens kunnen afwijken; overleg met de beheerder.',
  'service.consumerVersion':
    '{endpoint} gebruikt nl-test-admin versie {version}; OKE Lokaal volgt afsprakenset 1.0. Gegevens kunnen afwijken; overleg met de beheerder.',
  'delivery.invalidBody':
    'Bericht {itemId} (flow {flow}) voldoet niet aan de OKE-standaard en is niet verzonden. Meld dit bij de beheerder; de vastgelegde gegevens blijven bewaard.',
  'delivery.rejected':
    'Bericht {itemId} (flow {flow}) is geweigerd door het toetsplanningssysteem ({status}: {title}). Neem contact op met de beheerder.',
  'delivery.retry': 'Bericht {itemId} (flow {flow}) kwam niet aan ({status}); het blijft in de wachtrij en gaat later opnieuw.',
  'offering.notFound': 'Zitting {offeringId} bestaat niet in de lokale gegevens. Synchroniseer eerst.',
  'offering.closed': 'Zitting {offeringId} is al afgesloten; wijzigen kan niet meer.',
  'association.notFound': 'Kandidaat {associationId} hoort niet bij zitting {offeringId}.',
  'result.notGradable':
    'Voor zitting {offeringId} kan op de locatie geen resultaat worden ingevoerd: er is geen beoordelaar ingepland of het resultaattype is onbekend.',
  'result.notAttended': '{name} heeft de toets niet gemaakt volgens de aanwezigheid; een resultaat kan dan niet. Pas eerst de aanwezigheid aan.',
  'result.invalid': 'Het resultaat "{score}" past niet bij het resultaattype {resultValueType}: verwacht is {expectedNl}.',
  'student.notFound': 'Studentnummer {studentNumber} staat niet op de lijst van zitting {offeringId}.',
  'input.invalid': 'Ongeldige invoer bij "{field}": {problem}.',
  'api.unknown': 'Onbekende opdracht "{name}".',
  'internal': 'Er ging iets mis in OKE Lokaal: {reason}. De gegevens blijven bewaard; meld dit bij de beheerder.',
  'cli.usage': '{problem}. Gebruik "oke-lokaal help" voor de opdrachten.',
  'cli.required': 'De optie --{option} ontbreekt',
  'cli.badOption': 'Onbekende of onvolledige optie ({detail})',
  'cli.unknownCommand': 'Onbekende opdracht "{command}"',
  'cli.badAttendance': '--attendance moet een van {values} zijn, niet "{value}"',
  'cli.badPort': '--port moet een geheel getal van 0 tot 65535 zijn, niet "{value}"',
  'cli.synced': 'Gesynchroniseerd: {components} toetsen, {offerings} zittingen, {associations} deelnames, {persons} personen.',
  'cli.attended': 'Aanwezigheid van {studentNumber} in zitting {offeringId} vastgelegd: {attendance}.',
  'cli.scored': 'Resultaat van {studentNumber} in zitting {offeringId} vastgelegd: {score} ({pass}).',
  'pass.passed': 'voldoende',
  'pass.failed': 'onvoldoende',
  'pass.unknown': 'nog niet bepaald',
  'cli.closed': 'Zitting {offeringId} afgesloten; {queued} berichten staan in de wachtrij.',
  'cli.delivered': 'Verzonden: {delivered}. In de wachtrij: {queued}. Geweigerd: {rejected}.',
  'cli.serving': 'OKE Lokaal draait op {url} . Open dit adres in een browser; stop met Ctrl+C.',
  'show.none': 'Geen zittingen gevonden. Synchroniseer eerst of kies een andere datum of locatie.',
  'show.offering': '{start}–{end}  {location}  {name}  ({candidates} kandidaten, {status})',
  'show.status.notStarted': 'niet gestart',
  'show.status.open': 'bezig',
  'show.status.closed': 'afgesloten',
  'show.status.canceled': 'geannuleerd',
  'show.noAttendance': 'nog niet geregistreerd',
  'start.noElectron':
    'Electron is op deze machine niet geïnstalleerd. Gebruik de webversie: "npm run demo", of "node dist/main/cli/bin.js serve --data-dir MAP --config BESTAND".',
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  'config.unreadable': 'The configuration file {file} cannot be read: {reason}. Check the path.',
  'config.notJson': 'The configuration file {file} is not valid JSON: {reason}.',
  'config.invalid': 'The configuration file is invalid at "{field}": {problem}. Fix this field and try again.',
  'config.required': '{operation} needs a configuration file. Start OKE Lokaal with --config FILE.',
  'config.secretMissing': 'The environment variable {variable} with the secret for "{endpoint}" is not set. Set it and try again.',
  'datadir.inUse':
    'The data directory {dataDir} is in use by another OKE Lokaal process (pid {pid}). Stop that one first; nothing was changed.',
  'datadir.unusable': 'The data directory {dataDir} cannot be used: {reason}.',
  'db.newerVersion':
    'The database in {dataDir} was created by a newer OKE Lokaal (schema {found}, this version knows {known}). Update OKE Lokaal.',
  'oke.unreachable': 'No connection to {endpoint} ({url}). Your data is kept; check the connection and try again later.',
  'oke.timeout': '{endpoint} did not answer in time ({url}). Your data is kept; try again later.',
  'oke.credentials': '{endpoint} rejects the credentials (clientId or clientSecret). Check them in the configuration.',
  'oke.scope': '{endpoint} denies access with scope "{scope}". Check the scope in the configuration or ask for access.',
  'oke.notFound': '{endpoint} does not know the address {url} (404). Check baseUrl in the configuration.',
  'oke.rateLimited': '{endpoint} asks to slow down (429). Try again in a minute.',
  'oke.serverError': '{endpoint} returned an error ({status}: {title}). Your data is kept; try again later.',
  'oke.rejected': '{endpoint} rejected the request ({status}: {title}). Contact the administrator.',
  'oke.badResponse': '{endpoint} sent an unusable response for {url}: {problem}. The previously synced data is unchanged.',
  'service.versionUnsupported':
    '{endpoint} supports OOAPI {versions}, but OKE Lokaal speaks v5. Data may differ; check with the administrator.',
  'service.consumerVersion':
    '{endpoint} uses nl-test-admin version {version}; OKE Lokaal follows afsprakenset 1.0. Data may differ; check with the administrator.',
  'delivery.invalidBody':
    'Message {itemId} (flow {flow}) does not meet the OKE standard and was not sent. Report this to the administrator; the captured data is kept.',
  'delivery.rejected': 'Message {itemId} (flow {flow}) was rejected by the test planning system ({status}: {title}). Contact the administrator.',
  'delivery.retry': 'Message {itemId} (flow {flow}) did not arrive ({status}); it stays in the outbox and is sent again later.',
  'offering.notFound': 'Zitting {offeringId} is not in the local data. Sync first.',
  'offering.closed': 'Zitting {offeringId} is already closed; it can no longer be changed.',
  'association.notFound': 'Candidate {associationId} is not part of zitting {offeringId}.',
  'result.notGradable': 'No result can be entered at the venue for zitting {offeringId}: no assessor is planned or the result type is unknown.',
  'result.notAttended': '{name} did not take the test according to the attendance, so there can be no result. Change the attendance first.',
  'result.invalid': 'The result "{score}" does not fit result type {resultValueType}: expected {expectedEn}.',
  'student.notFound': 'Student number {studentNumber} is not on the list of zitting {offeringId}.',
  'input.invalid': 'Invalid input at "{field}": {problem}.',
  'api.unknown': 'Unknown operation "{name}".',
  'internal': 'Something went wrong in OKE Lokaal: {reason}. Your data is kept; report this to the administrator.',
  'cli.usage': '{problem}. Run "oke-lokaal help" for the commands.',
  'cli.required': 'The option --{option} is missing',
  'cli.badOption': 'Unknown or incomplete option ({detail})',
  'cli.unknownCommand': 'Unknown command "{command}"',
  'cli.badAttendance': '--attendance must be one of {values}, not "{value}"',
  'cli.badPort': '--port must be a whole number from 0 to 65535, not "{value}"',
  'cli.synced': 'Synced: {components} exams, {offerings} zittingen, {associations} associations, {persons} persons.',
  'cli.attended': 'Attendance of {studentNumber} in zitting {offeringId} recorded: {attendance}.',
  'cli.scored': 'Result of {studentNumber} in zitting {offeringId} recorded: {score} ({pass}).',
  'pass.passed': 'pass',
  'pass.failed': 'fail',
  'pass.unknown': 'not decided yet',
  'cli.closed': 'Zitting {offeringId} closed; {queued} messages are in the outbox.',
  'cli.delivered': 'Delivered: {delivered}. Queued: {queued}. Rejected: {rejected}.',
  'cli.serving': 'OKE Lokaal is running at {url} . Open this address in a browser; stop with Ctrl+C.',
  'show.none': 'No zittingen found. Sync first or choose another date or location.',
  'show.offering': '{start}–{end}  {location}  {name}  ({candidates} candidates, {status})',
  'show.status.notStarted': 'not started',
  'show.status.open': 'in progress',
  'show.status.closed': 'closed',
  'show.status.canceled': 'canceled',
  'show.noAttendance': 'not registered yet',
  'start.noElectron':
    'Electron is not installed on this machine. Use the web version: "npm run demo", or "node dist/main/cli/bin.js serve --data-dir DIR --config FILE".',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export type MessageParams = Record<string, string | number>;

/** Names of the three OKE endpoints for people. The `endpoint` param contains the code name. */
const endpointLabels: Record<Language, Record<string, string>> = {
  nl: {
    catalog: 'de toetscatalogus (toetsafname)',
    enrolments: 'de studentenadministratie',
    planning: 'het toetsplanningssysteem',
  },
  en: {
    catalog: 'the exam catalogue (test delivery)',
    enrolments: 'the student information system',
    planning: 'the test planning system',
  },
};

/** Fills a message template; unknown placeholders stay visible so a gap is noticed. */
export function formatMessage(key: MessageKey, params: MessageParams = {}, language: Language = 'nl'): string {
  const template = catalogues[language][key];
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return name === 'endpoint' ? (endpointLabels[language][value] ?? value) : value;
  });
  // An endpoint label such as "het toetsplanningssysteem" may open the sentence.
  return template.startsWith('{endpoint}') ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}
