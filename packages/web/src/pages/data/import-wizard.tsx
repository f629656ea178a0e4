import { workImportLabels } from '@tenure/core/present';
import { Button, Divider, Flex, Progress, Select, Steps, Upload } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useStatus } from '../../api/resources.ts';
import type { ImportJob, ImportStarted, ImportPreview as Preview } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useJob } from '../../api/use-job.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DEFAULT_CHOICES, type ImportChoices, ImportOptions } from './import-options.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportResult } from './import-result.tsx';
import { MappingEditor } from './mapping-editor.tsx';

/** What the person decided so far: the mapping (empty: automatic) and the options. */
interface Draft {
  map: Record<string, string>;
  choices: ImportChoices;
}

/**
 * The upload as multipart. The fields come before the file: the server reads the stream in order and must know
 * the entity, mapping and options by the time the file arrives.
 */
function importForm(entity: string, file: File, draft: Draft): FormData {
  const form = new FormData();
  form.append('entity', entity);
  form.append('map', JSON.stringify(draft.map));
  // Empty choices are left out, so the import's own defaults apply.
  form.append(
    'options',
    JSON.stringify(Object.fromEntries(Object.entries(draft.choices).filter(([, v]) => v !== undefined))),
  );
  form.append('file', file, file.name);
  return form;
}

const START: Draft = { map: {}, choices: DEFAULT_CHOICES };

/** Upload → mapping and options, checked by a dry run after each change → import job with progress → result. */
export function ImportWizard() {
  const { t, term, freeTerm } = useI18n();
  // The data model's tables, then the retention team's work a team brings from another tool.
  const entities = [
    ...(useStatus().data?.entities.map((e) => e.entity) ?? ['customers']),
    ...(Object.keys(workImportLabels) as (keyof typeof workImportLabels)[]),
  ];
  const [entity, setEntity] = useState('customers');
  const [file, setFile] = useState<File>();
  const [draft, setDraft] = useState<Draft>(START);
  const [preview, setPreview] = useState<Preview>();
  const [jobId, setJobId] = useState<string>();
  const action = useAction();
  const { job, error: jobError } = useJob<ImportJob>(jobId && `/api/v1/imports/${encodeURIComponent(jobId)}`);
  // Only the answer to the latest dry run is shown: an earlier one may come back after it.
  const asked = useRef(0);

  const runPreview = (f: File, d: Draft) => {
    const n = ++asked.current;
    return action.run(async () => {
      const p = await api.post<Preview>('/api/v1/imports/preview', { form: importForm(entity, f, d) });
      if (n === asked.current) setPreview(p);
    });
  };
  const change = (d: Draft) => {
    setDraft(d);
    if (file) void runPreview(file, d);
  };
  const runImport = (f: File) =>
    action.run(async () =>
      setJobId((await api.post<ImportStarted>('/api/v1/imports', { form: importForm(entity, f, draft) })).job_id),
    );
  const restart = () => {
    setFile(undefined);
    setPreview(undefined);
    setJobId(undefined);
    setDraft(START);
    action.clear();
  };

  // Shown before the first dry run too: a file it refuses (a snapshot without its date) is fixed here.
  const options = (
    <>
      <Divider titlePlacement="start" plain>
        {t('import.options')}
      </Divider>
      <ImportOptions entity={entity} value={draft.choices} onChange={(choices) => change({ ...draft, choices })} />
    </>
  );
  const finished = job?.state === 'done' || job?.state === 'failed';
  const step = finished ? 3 : jobId ? 2 : preview ? 1 : 0;
  return (
    <Flex vertical gap={16}>
      <Steps
        current={step}
        items={[t('import.stepUpload'), t('import.stepPreview'), t('import.stepRun'), t('import.stepResult')].map(
          (title) => ({ title }),
        )}
      />
      {action.error && <ProblemAlert error={action.error} />}
      {step === 0 && (
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('import.entity')}
            style={{ minWidth: 180 }}
            // A dozen tables: all of them in the list, scrolled, rather than a virtual window of eight.
            virtual={false}
            value={entity}
            onChange={(e) => {
              setEntity(e);
              // A new table starts from its own automatic mapping.
              setDraft((d) => ({ ...d, map: {} }));
            }}
            options={entities.map((e) => ({ value: e, label: term('entity', e) }))}
          />
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button>{t('import.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={action.busy} onClick={() => file && runPreview(file, draft)}>
            {t('import.preview')}
          </Button>
        </Flex>
      )}
      {step === 0 && options}
      {step === 1 && preview && file && (
        <>
          <MappingEditor preview={preview} onChange={(map) => change({ ...draft, map })} />
          {options}
          <ImportPreview preview={preview} />
          <Flex gap={8}>
            <Button onClick={restart}>{t('common.back')}</Button>
            <Button
              type="primary"
              loading={action.busy}
              disabled={preview.missing.length > 0}
              onClick={() => runImport(file)}
              data-testid="import-start"
            >
              {t('import.start')}
            </Button>
          </Flex>
        </>
      )}
      {step === 2 && (
        <>
          <Progress percent={Math.round(job?.progress.percent ?? 0)} status="active" />
          {job && t('import.phase', { phase: freeTerm('phase', job.progress.phase) })}
          {jobError && <ProblemAlert error={jobError} />}
        </>
      )}
      {step === 3 && jobId && job && (
        <>
          {job.summary ? (
            <ImportResult jobId={jobId} summary={job.summary} />
          ) : (
            job.error && <ProblemAlert error={job.error} />
          )}
          <Button onClick={restart} style={{ alignSelf: 'start' }}>
            {t('import.restart')}
          </Button>
        </>
      )}
    </Flex>
  );
}
