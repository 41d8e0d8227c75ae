import { TableOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableColumnsType } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';

interface ChartCardProps<T extends object> {
  title: string;
  /** Controls shown beside the title (a year or an indicator). */
  extra?: ReactNode;
  /** The chart, its svg named by a summary of what it shows (see chartLabel). */
  children: ReactNode;
  /** The numbers behind the chart, shown by the 数据表 toggle. */
  columns: TableColumnsType<T>;
  rows: T[] | undefined;
  rowKey: keyof T & string;
}

/** A chart in a card with its text alternative for everyone: a 数据表 toggle that shows the numbers as a table. */
export function ChartCard<T extends object>({ title, extra, children, columns, rows, rowKey }: ChartCardProps<T>) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <Card
      title={<h2 className="card-title">{title}</h2>}
      extra={
        <Flex gap="small" wrap align="center">
          {extra}
          <Button
            icon={<TableOutlined aria-hidden />}
            aria-pressed={showTable}
            aria-controls={showTable ? tableId : undefined}
            aria-label={t('charts.dataTableFor', { title })}
            onClick={() => setShowTable((shown) => !shown)}
          >
            {t('charts.dataTable')}
          </Button>
        </Flex>
      }
    >
      <div className="chart">{children}</div>
      {showTable && (
        <div id={tableId}>
          <DataTable<T>
            caption={t('charts.tableCaption', { title })}
            rowKey={rowKey}
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="small"
          />
        </div>
      )}
    </Card>
  );
}
