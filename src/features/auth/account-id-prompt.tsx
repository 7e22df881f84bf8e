/**
 * When the accounts list names no account id the stream can use (the broker's REST record
 * carries only its own external ids), the user picks one of those ids or types the right one.
 */
import { useId, useState, type FormEvent } from 'react';

export function AccountIdPrompt({
  choices,
  onChoose,
}: {
  choices: readonly string[];
  onChoose: (accountId: string) => void;
}) {
  const [value, setValue] = useState(choices[0] ?? '');
  const listId = useId();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = value.trim();
    if (id) onChoose(id);
  }
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${listId}-title`}
      className="max-w-md space-y-3 rounded border border-warn p-4 text-sm"
    >
      <h2 id={`${listId}-title`} className="font-semibold">
        Which account?
      </h2>
      <p className="text-muted">
        Your broker listed {choices.length > 0 ? 'accounts' : 'no accounts'} without the account id
        the live stream uses.{' '}
        {choices.length > 0 ? 'Pick one of the ids it gave, or type yours.' : 'Type yours.'}
      </p>
      <label className="block">
        Account id
        <input
          name="accountId"
          list={`${listId}-choices`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          className="mt-1 w-full rounded border border-border bg-surface px-2 py-1.5"
        />
      </label>
      <datalist id={`${listId}-choices`}>
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <button type="submit" className="rounded bg-accent px-3 py-1.5 font-medium text-surface">
        Open account
      </button>
    </form>
  );
}
