import type { ViewContext } from '../../platform/views/context.js';
import { ListFilter } from '../../platform/views/list-filter.js';
import type { RecipientChoice } from './extract-recipients.repository.js';

/**
 * The extract's recipients as checkboxes: the member municipalities (their registrars) and the
 * committee's people. The lists are long: a filter box above them narrows both as one types
 * (with JavaScript); without it the full grouped lists work, and the browser's find (Ctrl+F).
 * A typed address stays possible below them.
 */
export function RecipientChoices({ ctx, choices, chosen }: { ctx: ViewContext; choices: RecipientChoice[]; chosen: Set<string> }) {
  const { t } = ctx;
  const groups = [
    { key: 'municipality' as const, legend: t('protocol.extract.municipalities') },
    { key: 'person' as const, legend: t('protocol.extract.people') },
  ];
  return (
    <>
      {choices.length > 0 && <ListFilter ctx={ctx} listId="extract-recipients" label={t('protocol.extract.filter')} hint={t('protocol.extract.filterHint')} />}
      <div id="extract-recipients">
      {groups.map((g) => {
        const items = choices.filter((c) => c.group === g.key);
        return (
          <fieldset class="field">
            <legend>{g.legend}</legend>
            {items.length === 0 ? (
              <p class="hint">{t(g.key === 'municipality' ? 'protocol.extract.noRegistrars' : 'protocol.extract.noPeople')}</p>
            ) : (
              items.map((c, i) => (
                <div class="field--checkbox">
                  <input type="checkbox" id={`to-${g.key}-${i}`} name="to" value={c.email} checked={chosen.has(c.email)} />
                  <label for={`to-${g.key}-${i}`}>
                    {g.key === 'municipality' ? `${c.name} – ${t('protocol.extract.registrar')} ${c.detail}` : `${c.name}, ${c.detail}`} <span class="hint">&lt;{c.email}&gt;</span>
                  </label>
                </div>
              ))
            )}
          </fieldset>
        );
      })}
      </div>
    </>
  );
}
