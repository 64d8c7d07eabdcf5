import { useEffect, useRef, useState } from 'react';
import { attendanceValues, type Attendance, type CandidateView } from '../../main/contract/api';
import { useT, type MessageKey } from '../i18n';
import { formatTime } from '../format';
import { useDay } from '../stores/day';
import { useOffering } from '../stores/offering';

/** Attendance buttons. `notKnown` is the state before anyone chooses, so it gets no button. */
const attendanceChoices = attendanceValues.filter((value): value is Exclude<Attendance, 'notKnown'> => value !== 'notKnown');

/** Texts for the personalNeeds codes the OKE examples use; other codes are shown as sent. */
const needTexts = new Map<string, MessageKey>([
  ['extraTime', 'need.extraTime'],
  ['spoken', 'need.spoken'],
  ['spell-checker-on-screen', 'need.spell-checker-on-screen'],
]);

function NeedsList({ needs }: { needs: string[] }) {
  const t = useT();
  if (needs.length === 0) return <>{t('candidates.none')}</>;
  return (
    <ul className="needs">
      {needs.map((need) => {
        const key = needTexts.get(need);
        return <li key={need}>{key ? t(key) : need}</li>;
      })}
    </ul>
  );
}

function ScoreCell({ candidate, scale, readOnly }: { candidate: CandidateView; scale: string; readOnly: boolean }) {
  const t = useT();
  const recordResult = useOffering((state) => state.recordResult);
  const [score, setScore] = useState(candidate.score ?? '');
  useEffect(() => setScore(candidate.score ?? ''), [candidate.score]);
  const inputId = `score-${candidate.associationId}`;
  let passKey: MessageKey = 'candidates.passUnknown';
  if (candidate.pass === 'passed') passKey = 'candidates.passed';
  if (candidate.pass === 'failed') passKey = 'candidates.failed';

  return (
    <td className="nowrap">
      <label className="visually-hidden" htmlFor={inputId}>
        {t('candidates.scoreLabel', { name: candidate.displayName, scale })}
      </label>
      <input
        id={inputId}
        className="score"
        type="text"
        inputMode="decimal"
        size={6}
        value={score}
        disabled={readOnly || candidate.attendance === 'notPresent' || candidate.attendance === 'notStarted'}
        onChange={(event) => setScore(event.target.value)}
        onBlur={() => {
          if (score.trim() !== '' && score !== (candidate.score ?? '')) void recordResult(candidate.associationId, score);
        }}
      />
      {candidate.score !== null && <span className={`pass pass--${candidate.pass ?? 'unknown'}`}>{t(passKey)}</span>}
    </td>
  );
}

export function CandidateRow({ candidate, readOnly, scale }: { candidate: CandidateView; readOnly: boolean; scale: string | null }) {
  const t = useT();
  const registerAttendance = useOffering((state) => state.registerAttendance);
  const timezone = useDay((state) => state.overview?.timezone);
  const [note, setNote] = useState(candidate.note ?? '');
  const editingNote = useRef(false);

  // A saved note from the server replaces the field unless the surveillant is
  // typing. Leaving the field must not reset it: an attendance click right
  // after typing sends the typed note.
  useEffect(() => {
    if (!editingNote.current) setNote(candidate.note ?? '');
  }, [candidate.note]);

  const canceled = candidate.state === 'canceled';
  const noteId = `note-${candidate.associationId}`;
  const hintId = `note-hint-${candidate.associationId}`;
  const showHint = candidate.attendance === null && note.trim() !== '';

  function saveNote() {
    editingNote.current = false;
    if (candidate.attendance === null || note === (candidate.note ?? '')) return;
    void registerAttendance(candidate.associationId, candidate.attendance, note);
  }

  const noteEditor = (
    <>
      <label className="visually-hidden" htmlFor={noteId}>
        {t('candidates.noteLabel', { name: candidate.displayName })}
      </label>
      <textarea
        id={noteId}
        className="note"
        rows={2}
        value={note}
        aria-describedby={showHint ? hintId : undefined}
        onChange={(event) => {
          editingNote.current = true;
          setNote(event.target.value);
        }}
        onBlur={saveNote}
      />
      {showHint && (
        <p id={hintId} className="hint">
          {t('candidates.noteHint')}
        </p>
      )}
    </>
  );

  return (
    <tr
      data-testid="candidate-row"
      data-student-number={candidate.studentNumber ?? ''}
      data-association-id={candidate.associationId}
      className={canceled ? 'row--canceled' : undefined}>
      <td className="nowrap">{candidate.studentNumber ?? t('candidates.none')}</td>
      <th scope="row">
        <span className="candidate-name">{candidate.displayName}</span>
        {candidate.preferredName && (
          <span className="preferred-name">{t('candidates.preferredName', { name: candidate.preferredName })}</span>
        )}
        {candidate.programmes.map((programme, index) => (
          <span key={index} className="programme">
            {[programme.name, programme.cohort, programme.location].filter(Boolean).join(' · ')}
          </span>
        ))}
        {canceled && <span className="badge badge--canceled">{t('candidates.canceled')}</span>}
        {!canceled && candidate.state !== 'associated' && (
          <span className="badge badge--unknown">{t('candidates.otherState', { state: candidate.state })}</span>
        )}
      </th>
      <td className="id-check-name">{candidate.idCheckName ?? t('candidates.none')}</td>
      <td className="times">
        {candidate.additionalTimeInMin ? (
          <strong className="extra-time">{t('candidates.extraMinutes', { minutes: candidate.additionalTimeInMin })}</strong>
        ) : null}
        {candidate.latestStartDateTime && (
          <span className="nowrap">{t('candidates.latestStart', { time: formatTime(candidate.latestStartDateTime, timezone, t.language) })}</span>
        )}
        <span className="nowrap">{t('candidates.personalEnd', { time: formatTime(candidate.personalEndDateTime, timezone, t.language) })}</span>
        {candidate.personalNeeds.length > 0 && <NeedsList needs={candidate.personalNeeds} />}
        {candidate.assignedNeeds
          .filter((need) => need.validOnDate)
          .map((need) => (
            <span key={need.code} className="assigned-need">
              {t('candidates.assignedNeed', { need: need.description ?? need.code })}
            </span>
          ))}
      </td>
      <td>
        <div className="attendance" role="group" aria-label={t('candidates.attendanceGroup', { name: candidate.displayName })}>
          {attendanceChoices.map((value) => (
            <button
              key={value}
              type="button"
              className={`attendance__choice attendance__choice--${value}`}
              aria-pressed={candidate.attendance === value}
              disabled={readOnly}
              onClick={() => void registerAttendance(candidate.associationId, value, note)}
            >
              {t(`attendance.${value}`)}
            </button>
          ))}
        </div>
      </td>
      {scale !== null && <ScoreCell candidate={candidate} scale={scale} readOnly={readOnly} />}
      <td>{readOnly ? <p className="note-text">{note || t('candidates.none')}</p> : noteEditor}</td>
    </tr>
  );
}
