import { Table, type TableProps } from 'antd';

/**
 * A table in a labelled region that scrolls sideways on narrow screens and can take keyboard focus,
 * so the part out of view can be scrolled without a mouse. The caption names both for screen readers.
 */
export function DataTable<T extends object>({
  caption,
  ...props
}: Omit<TableProps<T>, 'caption'> & { caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table<T> {...props} caption={<span className="visually-hidden">{caption}</span>} />
    </div>
  );
}
