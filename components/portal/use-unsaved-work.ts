'use client';
// Work typed into the entry form is not lost (issue 16). While figures differ from what is saved:
// a pause in typing keeps them on the server for this person (lib/submissions/kept-drafts.ts: not
// the report, so no version is bumped and nobody's newer save is touched), closing the tab or
// reloading asks first (beforeunload), and so does following a link away from the form. Needs
// JavaScript; without it the form is a plain post and the browser's own behaviour applies.
import { useCallback, useEffect, useRef, useState } from 'react';
import { idleState } from '@/lib/actions/form-state';
import { keepDraftAction } from '@/lib/submissions/actions';
import { unsavedFields } from '@/lib/submissions/kept-draft-rules';

/** How long typing must pause before what was typed is kept. */
export const KEEP_AFTER_MS = 1500;

interface Reference {
  locale: 'da' | 'en';
  orgSlug: string;
  year: number;
  version: number;
}

export function useUnsavedWork(options: {
  enabled: boolean;
  /** the fields as saved when the page was rendered */
  saved: Record<string, string>;
  /** the fields as the form holds them now */
  fields: Record<string, string>;
  /** the fields the page opened with when a kept draft was put back (already kept: not sent again) */
  restored: Record<string, string> | null;
  reference: Reference;
  leaveWarning: string;
}) {
  const { enabled, fields, reference, leaveWarning } = options;
  const [saved, setSaved] = useState(options.saved);
  const [keptAt, setKeptAt] = useState<string | null>(null);
  const lastKept = useRef(JSON.stringify(unsavedFields(options.saved, options.restored ?? options.saved)));
  // typing not kept yet is one of two: waiting for the pause (keepNow set), or on its way (keeping set)
  /** keeps the typing now rather than after the pause; resolves true once it is kept */
  const keepNow = useRef<(() => Promise<boolean>) | null>(null);
  /** the keeping on its way, if any: resolves true once it is kept */
  const keeping = useRef<Promise<boolean> | null>(null);
  const dirty = Object.keys(unsavedFields(saved, fields).typed).length > 0;

  // keep what differs from the saved report, once typing pauses
  const { locale, orgSlug, year, version } = reference;
  useEffect(() => {
    if (!enabled) return;
    const kept = unsavedFields(saved, fields);
    const serialised = JSON.stringify(kept);
    if (serialised === lastKept.current) return;
    const keep = (): Promise<boolean> => {
      keepNow.current = null;
      lastKept.current = serialised;
      const form = new FormData();
      form.set('locale', locale);
      form.set('orgSlug', orgSlug);
      form.set('year', String(year));
      form.set('version', String(version));
      form.set('typed', JSON.stringify(kept.typed));
      form.set('opened', JSON.stringify(kept.opened));
      const request = keepDraftAction(idleState, form).then(
        (result) => {
          if (result.status !== 'ok') return false;
          setKeptAt(
            Object.keys(kept.typed).length === 0
              ? null
              : new Date().toLocaleTimeString(locale === 'da' ? 'da-DK' : 'en-GB', {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
          );
          return true;
        },
        // not kept this time (the network, a closed year): the next pause tries again
        () => {
          lastKept.current = '';
          return false;
        },
      );
      keeping.current = request;
      request.then(() => {
        if (keeping.current === request) keeping.current = null;
      });
      return request;
    };
    const timer = setTimeout(keep, KEEP_AFTER_MS);
    keepNow.current = () => {
      clearTimeout(timer);
      return keep();
    };
    return () => {
      clearTimeout(timer);
      keepNow.current = null;
    };
  }, [enabled, saved, fields, locale, orgSlug, year, version]);

  // ask before leaving with unsaved figures: the tab closed or reloaded, or a link followed
  const leaving = useRef(false);
  useEffect(() => {
    if (!enabled || !dirty) return;
    leaving.current = false;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      // older browsers show the prompt only when this is set
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download'))
        return;
      const to = new URL(link.href, window.location.href);
      const here = window.location;
      // a link within the page (the error summary's, a question's) leaves nothing
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search && to.hash)
        return;
      // "load the latest version" after a conflict: what was typed is kept, and the restore shows
      // it beside what the other person saved, so there is nothing to ask. Typing still waiting
      // for its pause (or on its way) is kept first, then the link is followed; only if it
      // cannot be kept is the person asked, as for any other link.
      if (link.hasAttribute('data-keeps-unsaved')) {
        const kept = keepNow.current?.() ?? keeping.current;
        leaving.current = true;
        if (!kept) return;
        event.preventDefault();
        event.stopPropagation();
        const href = link.href;
        kept.then((done) => {
          if (done || window.confirm(leaveWarning)) window.location.assign(href);
          else leaving.current = false;
        });
        return;
      }
      if (window.confirm(leaveWarning)) leaving.current = true;
      else {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    // capture: before the router's own link handler, which then sees the refusal
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [enabled, dirty, leaveWarning]);

  /** After a successful save: these fields are the report now, and nothing is left to keep. */
  const markSaved = useCallback((values: Record<string, string>) => {
    setSaved(values);
    lastKept.current = JSON.stringify(unsavedFields(values, values));
    setKeptAt(null);
  }, []);

  return { dirty, keptAt, markSaved };
}
