// What every page may ask of the shell: who is signed in, the reference data, where home is, and how to move.
// The pages import this; app.js imports the pages and this, so the arrows run one way.
import { get, ApiError } from './api.js';
import { learn } from './labels.js';

let reference = null;
let signedIn;
let vocabulary = null;

/** The signed-in user (GET /api/me, once per sign-in), or null when the browser has no live session. */
export async function me() {
  if (signedIn === undefined) {
    try {
      signedIn = await get('/api/me');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      signedIn = null;
    }
  }
  return signedIn;
}

/** The words every page renders codes with (GET /api/vocabulary), learnt once per sign-in before a page draws. */
export async function words() {
  if (!vocabulary) {
    vocabulary = await get('/api/vocabulary');
    learn(vocabulary);
  }
  return vocabulary;
}

/** Whether someone was signed in (so that a 401 means the session expired). */
export function wasSignedIn() {
  return !!signedIn;
}

/** Forgets the user and what was loaded for them: after signing out, or when the session expired. */
export function forgetUser() {
  signedIn = undefined;
  reference = null;
  vocabulary = null;
}

/** Townships and industry chains (codes and Chinese names), loaded once per sign-in. */
export async function ref() {
  if (!reference) {
    reference = await get('/api/ui/reference');
    reference.townshipName = code => (reference.townships.find(t => t.code === code) || {}).name || code || '—';
    reference.chainName = code => (reference.chains.find(c => c.code === code) || {}).name || code || '—';
    reference.departmentName = code => (reference.departments.find(d => d.code === code) || {}).name || code || '—';
  }
  return reference;
}

export function home(user) {
  return user && user.role === 'CLERK' ? '/projects' : user && user.role === 'DEPARTMENT' ? '/departments'
    : user && user.role === 'LEADER' ? '/patronage' : '/dashboard';
}

/** Goes to {@code hash}; the same hash again draws the page again (app.js listens to hashchange). */
export function navigate(hash) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}
