import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, type FormState, TextAreaField } from '../../platform/views/forms.js';
import { FileField } from './registry.views.js';
import type { ClassificationCodeRow } from './registry.tables.js';

export function ClassificationPage(props: { ctx: ViewContext; organisation: { slug: string; name: string }; codes: ClassificationCodeRow[]; canManage: boolean; state: FormState }) {
  const { ctx, organisation, state } = props;
  const { t } = ctx;
  const columns: Column<ClassificationCodeRow>[] = [
    { key: 'code', label: t('registry.scheme.code'), rowHeader: true, text: (c) => c.code },
    { key: 'title', label: t('registry.scheme.codeTitle'), text: (c) => c.title },
    { key: 'retention', label: t('registry.scheme.retention'), text: (c) => c.retention },
  ];
  return (
    <Layout ctx={ctx} title={t('registry.scheme.title', { name: organisation.name })} back={{ href: '/arenden', label: t('registry.cases.title') }}>
      <ListTable ctx={ctx} caption={t('registry.case.scheme')} hideCaption columns={columns} rows={props.codes} defaultSort="code" searchId="codes" />
      {props.canManage && (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{t('registry.scheme.import')}</h2>
          <p>{t('registry.scheme.importIntro')}</p>
          <ErrorSummary ctx={ctx} state={state} labels={{ file: t('registry.scheme.file'), csv: t('registry.scheme.csv') }} />
          <PostForm ctx={ctx} action={`/klassificering/${organisation.slug}/import`} multipart>
            <FileField ctx={ctx} state={state} name="file" label={t('registry.scheme.file')} hint={t('registry.scheme.fileHint')} accept=".csv,.txt,text/csv" />
            <TextAreaField ctx={ctx} state={state} name="csv" label={t('registry.scheme.csv')} rows={6} />
            <button type="submit">{t('registry.scheme.importButton')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
