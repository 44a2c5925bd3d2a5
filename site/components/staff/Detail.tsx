/**
 * One submission: every field, the draft and the reply, the citizen's rating, the whole history (internal
 * events marked 内部), the contact details once revealed, and the forms of the actions available now.
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ActionRequest, PromoteRequest } from '../../../domain/feedback/staff-schema.ts';
import { ApiError, fieldErrorsOf } from '../../scripts/form-errors.ts';
import { chinaDateTime } from '../../../domain/dates.ts';
import { urls } from '../../../domain/urls.ts';
import { category as categories, deadlineLabel, feedbackField, feedbackPage, staffPage as t, staffRole } from '../../../domain/labels/zh-CN.ts';
import { RATING } from '../../../domain/feedback/rating.ts';
import type { StaffApi } from '../../scripts/staff-api.ts';
import ActionForms from './ActionForms.tsx';
import Deadline from './Deadline.tsx';
import PromoteForm from './PromoteForm.tsx';
import type { FieldError } from '../../../domain/api/problem.ts';
import type { ActorRole } from '../../../domain/feedback/events.ts';
import type { Detail, Me } from '../../../domain/api/staff.ts';
import type { Contact } from '../../../domain/feedback/schema.ts';
import { unitDirectory } from '../../../domain/units.ts';

interface Props {
  readonly api: StaffApi;
  readonly me: Me;
  readonly tracking: string;
  readonly regions: Readonly<Record<string, string>>;
  readonly announce: (text: string) => void;
  readonly alert: (text: string) => void;
  /** Errors other than field errors and conflicts (401 → sign-in, 403, 404, network). */
  readonly onError: (error: unknown) => void;
}

const roleLabel = (role: ActorRole) => (role === 'citizen' ? t.citizen : role === 'system' ? t.system : staffRole[role]);

/** One row of the facts table: a label and its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

export default function DetailView({ api, me, tracking, regions, announce, alert, onError }: Props) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  /** The outcome of the last action, shown under the heading (and announced). */
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const contactHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes once the next render is on screen. */
  const focusNext = useRef<'heading' | 'contact' | null>('heading');
  const unitName = unitDirectory(me.units).name;

  const load = useCallback(async () => {
    announce(t.detailLoading);
    try {
      const d = await api.detail(tracking);
      setDetail(d);
      announce('');
      return d;
    } catch (error) {
      announce('');
      onError(error);
      return null;
    }
  }, [api, tracking, announce, onError]);

  useEffect(() => {
    setDetail(null);
    setContact(null);
    focusNext.current = 'heading';
    void load();
  }, [load]);

  useEffect(() => {
    const target = focusNext.current === 'contact' ? contactHeading.current : focusNext.current === 'heading' ? heading.current : null;
    if (target && detail) {
      focusNext.current = null;
      target.focus();
    }
  });

  useEffect(() => {
    if (detail) document.title = `${detail.submission.title} - ${t.title}`;
  }, [detail]);

  /** An action or 立项督办 refused: field errors for the form (422), or a 409 said and the detail reloaded, or onError. */
  const refused = useCallback(
    async (error: unknown): Promise<FieldError[] | null> => {
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors) return [...fieldErrors];
      if (error instanceof ApiError && error.status === 409) {
        // Someone acted first (or the state moved on): say so, and show what is there now.
        alert(`${error.message} ${t.reloaded}`);
        setNotice('');
        focusNext.current = 'heading';
        await load();
        return null;
      }
      onError(error);
      return null;
    },
    [alert, load, onError],
  );

  const act = useCallback(
    async (body: ActionRequest): Promise<FieldError[] | null> => {
      try {
        const d = await api.act(tracking, body);
        setDetail(d);
        if (d.contact) setContact(d.contact);
        // The action's own event (an approval is followed by the audit of reading the contact for its notice).
        const last = d.events.findLast((e) => e.action !== 'contact_read');
        focusNext.current = d.contact ? 'contact' : 'heading';
        const done = t.done(last?.label ?? '', d.submission.statusLabel);
        setNotice(done);
        announce(done);
        return null;
      } catch (error) {
        return refused(error);
      }
    },
    [api, tracking, announce, refused],
  );

  /** 立项督办: on success the detail is loaded again (its history gains the 拟立项督办 event). */
  const promote = useCallback(
    async (body: PromoteRequest): Promise<FieldError[] | null> => {
      try {
        const { draft } = await api.promote(body);
        const done = t.promote.done(draft.title);
        focusNext.current = 'heading';
        await load();
        setNotice(done);
        announce(done);
        return null;
      } catch (error) {
        return refused(error);
      }
    },
    [api, announce, load, refused],
  );

  if (!detail) {
    return (
      <section aria-labelledby="staff-detail-title">
        <p>
          <a href="#/">{t.back}</a>
        </p>
        <h2 id="staff-detail-title" tabIndex={-1}>
          {tracking}
        </h2>
        <p className="muted">{t.detailLoading}</p>
      </section>
    );
  }

  const s = detail.submission;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const events = [...detail.events].sort((a, b) => a.seq - b.seq);
  return (
    <article aria-labelledby="staff-detail-title" className="staff-detail">
      <p>
        <a href="#/">{t.back}</a>
      </p>
      <h2 id="staff-detail-title" tabIndex={-1} ref={heading}>
        {s.title}
      </h2>
      {notice && <p className="note">{notice}</p>}
      <table className="facts">
        <caption className="visually-hidden">{t.facts}</caption>
        <tbody>
          <Fact label={feedbackField.trackingNumber}>{s.trackingNumber}</Fact>
          <Fact label={feedbackField.kind}>{s.kindLabel}</Fact>
          <Fact label={feedbackPage.receiptStatus}>
            <strong>{s.statusLabel}</strong>
          </Fact>
          {s.itemId && (
            <Fact label={feedbackField.itemId}>
              <a href={urls.item(s.itemId)}>{s.itemId}</a>
            </Fact>
          )}
          {s.pageUrl && (
            <Fact label={feedbackField.pageUrl}>
              {/* Typed or filled in by 我要纠错: a link only when it is a path on this site. */}
              {s.pageUrl.startsWith('/') ? <a href={s.pageUrl}>{s.pageUrl}</a> : s.pageUrl}
            </Fact>
          )}
          {s.region && <Fact label={feedbackField.region}>{regions[s.region] ?? s.region}</Fact>}
          <Fact label={t.submittedAt}>{chinaDateTime(s.createdAt)}</Fact>
          <Fact label={t.updatedAt}>{chinaDateTime(s.updatedAt)}</Fact>
          {detail.clock && (
            <Fact label={deadlineLabel.due}>
              <Deadline clock={detail.clock} />
            </Fact>
          )}
          {s.replyByOriginal && s.replyBy !== s.replyByOriginal && <Fact label={deadlineLabel.originalReplyBy}>{s.replyByOriginal}</Fact>}
          {s.extension && <Fact label={deadlineLabel.extensionPending}>{`${s.extension.deadline}（${deadlineLabel.extensionReason}：${s.extension.reason}）`}</Fact>}
          <Fact label={t.units}>{s.units?.length ? s.units.map(unitName).join('、') : t.none}</Fact>
          <Fact label={t.verified}>{yesNo(s.verified)}</Fact>
          <Fact label={t.hasContact}>{yesNo(s.hasContact)}</Fact>
          <Fact label={t.allowPublish}>{yesNo(s.allowPublish)}</Fact>
        </tbody>
      </table>

      <h3>{t.content}</h3>
      <div className="prose">
        <Paragraphs text={s.content} />
      </div>

      {contact && (
        <section aria-labelledby="staff-contact-title" className="note">
          <h3 id="staff-contact-title" tabIndex={-1} ref={contactHeading}>
            {t.contact}
          </h3>
          {contact.name || contact.phone || contact.email ? (
            <dl className="staff-contact">
              {contact.name && (
                <>
                  <dt>{feedbackField['contact.name']}</dt>
                  <dd>{contact.name}</dd>
                </>
              )}
              {contact.phone && (
                <>
                  <dt>{feedbackField['contact.phone']}</dt>
                  <dd>{contact.phone}</dd>
                </>
              )}
              {contact.email && (
                <>
                  <dt>{feedbackField['contact.email']}</dt>
                  <dd>{contact.email}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>{t.contactNone}</p>
          )}
          <p className="hint">{t.contactNote}</p>
        </section>
      )}

      {s.draft && (
        <section aria-labelledby="staff-current-draft-title">
          <h3 id="staff-current-draft-title">{t.draftTitle}</h3>
          <div className="prose staff-draft">
            <Paragraphs text={s.draft.text} />
          </div>
          <p className="muted">{t.draftBy(s.draft.by, unitName(s.draft.unit), chinaDateTime(s.draft.at))}</p>
        </section>
      )}

      {s.reply && (
        <section aria-labelledby="staff-reply-title">
          <h3 id="staff-reply-title">{t.reply}</h3>
          <div className="prose">
            <Paragraphs text={s.reply.text} />
          </div>
          <p className="muted">{t.replyMeta(unitName(s.reply.unit), chinaDateTime(s.reply.at))}</p>
        </section>
      )}

      {s.rating && (
        <section aria-labelledby="staff-rating-title">
          <h3 id="staff-rating-title">{t.rating}</h3>
          <p>
            <strong>{RATING[s.rating.rating].label}</strong>（{chinaDateTime(s.rating.at)}）
          </p>
          {s.rating.comment && <Paragraphs text={s.rating.comment} />}
        </section>
      )}

      <section aria-labelledby="staff-history-title">
        <h3 id="staff-history-title">{t.history}</h3>
        <ol className="timeline staff-history">
          {events.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{chinaDateTime(e.at)}</time> {e.label}
              {!e.public && (
                <>
                  {' '}
                  <span className="badge staff-internal">
                    {t.internal}
                    <span className="visually-hidden">（{t.internalHint}）</span>
                  </span>
                </>
              )}
              <br />
              <span className="muted">
                {t.byActor(e.actor, roleLabel(e.role))}
                {e.statusLabel && `，${t.statusAfter(e.statusLabel)}`}
              </span>
              {e.units && e.units.length > 0 && <p>{t.assignedUnits(e.units.map(unitName).join('、'))}</p>}
              {e.note && (
                <div className="staff-note">
                  <Paragraphs text={e.note} />
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      {s.promotion && (
        <section aria-labelledby="staff-promotion-title">
          <h3 id="staff-promotion-title">{t.promote.drafted}</h3>
          <dl className="staff-facts">
            <dt>{t.promote.itemTitle}</dt>
            <dd>{s.promotion.title}</dd>
            <dt>{t.promote.category}</dt>
            <dd>{(categories as Record<string, string>)[s.promotion.category] ?? s.promotion.category}</dd>
            <dt>{t.promote.leadUnit}</dt>
            <dd>{unitName(s.promotion.leadUnit)}</dd>
            <dt>{t.promote.deadline}</dt>
            <dd>{s.promotion.deadline}</dd>
            <dt>{t.promote.sources}</dt>
            <dd>{s.promotion.trackingNumbers.join('、')}</dd>
          </dl>
          <p className="muted">{t.promote.draftMeta(s.promotion.by, chinaDateTime(s.promotion.at))}</p>
        </section>
      )}

      <ActionForms user={me.user} units={me.units} submission={s} actions={detail.actions} onAct={act}>
        {(me.user.role === 'reviewer' || me.user.role === 'admin') && (s.status === 'accepted' || s.status === 'in_progress') && !s.promotion && !s.promotedTo && (
          <PromoteForm key={s.version} api={api} units={me.units} regions={regions} submission={s} onPromote={promote} />
        )}
      </ActionForms>
    </article>
  );
}
