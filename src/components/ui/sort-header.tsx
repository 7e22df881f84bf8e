/** A sortable column header: a real button inside the th, with aria-sort for screen readers. */
export type SortDir = 'asc' | 'desc';

export function SortHeader<C extends string>({
  column,
  label,
  numeric,
  sort,
  onSort,
}: {
  column: C;
  label: string;
  numeric?: boolean;
  sort: { by: C; dir: SortDir };
  onSort: (by: C) => void;
}) {
  const active = sort.by === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`px-2 py-1.5 font-medium whitespace-nowrap ${numeric ? 'text-right' : 'text-left'}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`rounded hover:text-text ${active ? 'text-text' : ''}`}
      >
        {label}
        <span aria-hidden className="ml-1 inline-block w-2">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
