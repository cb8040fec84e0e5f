import { useState } from 'react';
import type { CommunityDetail, Resource, ResourceKind } from '@shared/contract/communities.contract';
import { call } from '../../api/client';
import { FieldShell, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { downloadBase64, readBase64, sizeText } from '../../components/files';
import { formatDate } from '../../components/format';
import type { Act } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';

const KIND_WORDS: Record<ResourceKind, string> = { link: 'Link', note: 'Note', recording: 'Recording', file: 'File' };

/** The library: links, notes, recordings by link and files; who added what; add to it. */
export function Library({ community: c, act }: { community: CommunityDetail; act: Act }) {
  return (
    <section aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      {c.resources.length === 0 ? <p className="muted">Nothing in the library yet.</p> : null}
      <ul className="record-list" aria-label="Library">
        {c.resources.map((r) => (
          <ResourceRow key={r.id} resource={r} act={act} />
        ))}
      </ul>
      <AddResource communityId={c.id} />
    </section>
  );
}

function ResourceRow({ resource: r, act }: { resource: Resource; act: Act }) {
  return (
    <li className="card record" aria-label={`${KIND_WORDS[r.kind]}: ${r.title}`}>
      <div>
        <p className="small">
          <span className="badge">{KIND_WORDS[r.kind]}</span> {r.addedBy ? `${r.addedBy.name}, ` : ''}
          {formatDate(r.addedAt.slice(0, 10))}
          {r.size !== null ? ` · ${sizeText(r.size)}` : ''}
        </p>
        {r.url ? (
          <a href={r.url} target="_blank" rel="noreferrer noopener">
            <strong>{r.title}</strong>
          </a>
        ) : (
          <strong>{r.title}</strong>
        )}
        {r.body ? <p className="small">{r.body}</p> : null}
      </div>
      <span className="record-actions">
        {r.kind === 'file' ? (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const f = await call('communities.openFile', { id: r.id });
                if (!f.opened && f.content !== undefined) downloadBase64(f.name, f.content);
              }, `Opened ${r.title}.`)
            }
          >
            Open
          </button>
        ) : null}
        {r.mayRemove ? (
          <button
            type="button"
            className="link-button"
            aria-label={`Remove ${r.title}`}
            onClick={() => {
              if (window.confirm(`Remove ${r.title} from the library?`))
                void act(() => call('communities.removeResource', { id: r.id }), `Removed ${r.title}.`);
            }}
          >
            Remove
          </button>
        ) : null}
      </span>
    </li>
  );
}

function AddResource({ communityId }: { communityId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(0);
  const form = useChannelForm('communities.addResource', {
    defaultValues: { kind: 'link' as ResourceKind, title: '', url: '', body: '', content: '' },
    toInput: (v) => ({ communityId, kind: v.kind, title: v.title, url: v.url, body: v.body, content: v.content }),
    onSaved: (_r, _v, f) => {
      f.reset();
      setFile(null);
      setKey((k) => k + 1);
    },
  });
  const kind = form.watch('kind');
  return (
    <form key={key} className="card form" aria-label="Add to the library" noValidate onSubmit={(e) => void form.submit(e)}>
      <h3>Add to the library</h3>
      <SelectField label="What" options={Object.entries(KIND_WORDS) as [ResourceKind, string][]} error={form.errorOf('kind')} {...form.register('kind')} />
      <TextField label={kind === 'file' ? 'Name' : 'Title'} error={form.errorOf('title')} {...form.register('title')} />
      {kind === 'link' || kind === 'recording' ? <TextField label="Web address" inputMode="url" error={form.errorOf('url')} {...form.register('url')} /> : null}
      {kind === 'note' ? <TextAreaField label="Note" rows={3} error={form.errorOf('body')} {...form.register('body')} /> : null}
      {kind === 'file' ? (
        <FieldShell label="File (at most 10 MB)" error={form.errorOf('content')} hint={file ? sizeText(file.size) : undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="file"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) {
                  if (!form.getValues('title')) form.setValue('title', chosen.name);
                  void readBase64(chosen).then((content) => form.setValue('content', content));
                }
              }}
            />
          )}
        </FieldShell>
      ) : null}
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Add</button>
      </FormActions>
    </form>
  );
}
