import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { NetworkPage } from './networkUi';

/** The shared vocabulary of tags: the manager merges two spellings of one idea, and matching reads the old one as the new. */
export function TagsPage() {
  const tags = useApi('members.tags', {});
  const aliases = useApi('network.aliases', {});
  const { message, act } = useAction();
  const form = useChannelForm('network.mergeTag', {
    defaultValues: { from: '', into: '' },
    onSaved: (alias, _v, f) => {
      f.reset();
      void act(async () => {}, `“${alias.alias}” is now read as “${alias.tag}”.`);
    },
  });
  return (
    <NetworkPage title="Tags" subtitle="One spelling per idea: merge tags, and what members type later follows the merge.">
      <ActionNote message={message} />
      <datalist id="all-tags">
        {tags.data?.map((t) => (
          <option key={t.tag} value={t.tag} />
        ))}
      </datalist>
      <div className="split-columns">
        <form className="card form" aria-label="Merge tags" noValidate onSubmit={(e) => void form.submit(e)}>
          <h2>Merge a tag into another</h2>
          <TextField label="Tag" list="all-tags" placeholder="website design" error={form.errorOf('from')} {...form.register('from')} />
          <TextField label="Into" list="all-tags" placeholder="web design" error={form.errorOf('into')} {...form.register('into')} />
          <FormActions error={form.formError}>
            <button type="submit" className="button-primary">
              Merge
            </button>
          </FormActions>
        </form>
        <section className="card" aria-labelledby="aliases-title">
          <h2 id="aliases-title">Aliases</h2>
          {aliases.data?.length === 0 ? <p className="muted">None yet.</p> : null}
          <ul className="result-list">
            {aliases.data?.map((a) => (
              <li key={a.alias}>
                <span>
                  {a.alias} → <strong>{a.tag}</strong>
                </span>
                <button
                  type="button"
                  aria-label={`Forget the alias ${a.alias}`}
                  onClick={() => void act(() => call('network.removeAlias', { alias: a.alias }), `“${a.alias}” is its own tag again.`)}
                >
                  Forget
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </NetworkPage>
  );
}
