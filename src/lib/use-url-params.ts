/** A page's state in the query string: read the params, write changes without a history entry. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { withParams } from './url-params';

export function useUrlParams(): [
  URLSearchParams,
  (changes: Readonly<Record<string, string | undefined>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Readonly<Record<string, string | undefined>>) =>
      setParams((p) => withParams(p, changes), { replace: true }),
    [setParams],
  );
  return [params, update];
}
