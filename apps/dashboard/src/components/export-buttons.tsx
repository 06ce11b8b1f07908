import Button from 'antd/es/button';
import { useI18n } from '../i18n/i18n';
import { downloadCsv, downloadXlsx, type TableData } from './table-export';

/** CSV and Excel downloads of a table as shown (its caption names the file); every table has them. */
export function ExportButtons({ caption, data }: { caption: string; data: () => TableData }) {
  const { t } = useI18n();
  return (
    <>
      <Button size="small" onClick={() => downloadCsv(caption, data())} title={t('exportCsvTitle')}>
        {t('exportCsv')}
      </Button>
      <Button size="small" onClick={() => void downloadXlsx(caption, data())} title={t('exportExcelTitle')}>
        {t('exportExcel')}
      </Button>
    </>
  );
}
