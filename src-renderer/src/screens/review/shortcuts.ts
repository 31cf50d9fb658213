/** Every Review shortcut, shown by `?` and in the keys bar. */
export const SHORTCUTS: [keys: string, what: string][] = [
  ['a', 'accept'],
  ['x', 'reject (with the reason picked below)'],
  ['e', 'edit the target output (form, tools, workflow, JSON)'],
  ['space / j / ↓', 'skip: the item comes back after the last one'],
  ['k / ↑', 'back to the previous item (a new decision replaces its old one)'],
  ['⌫ / ctrl+z', 'undo the latest decision (no limit)'],
  ['f', 'flag the item for a second look (saved with the decision)'],
  ['c', 'write a comment (saved with the decision)'],
  ['r', 'pick a reject reason'],
  ['h', 'show the decision history / the queue'],
  ['[', 'hide or show the queue'],
  ['g', 'review guidelines'],
  ['esc', 'leave a text field, close the editor or this overlay'],
  ['ctrl+enter', 'save an edit (only when it passes the checks)'],
  ['alt+1…7', 'go to a screen'],
  ['?', 'this list'],
];
