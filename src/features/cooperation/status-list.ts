/**
 * The status list of all initiatives as the text of an information item (seed § 21, "Information
 * om aktuella och pågående aktiviteter"): per initiative its phase, participants and what is
 * still to be decided.
 */
import { phaseViews, templatePhase, type LoadedInitiative } from './cooperation.model.js';

export const STATUS_LIST_HEADING = 'Information om aktuella och pågående aktiviteter';

const STATUS_TEXT = { active: 'pågår', stopped: 'stoppat', completed: 'avslutat' } as const;

function namesOf(model: LoadedInitiative, ids: readonly string[]): string {
  const names = model.municipalities.filter((m) => ids.includes(m.id)).map((m) => m.name);
  return names.length ? names.join(', ') : 'inga ännu';
}

/** One block per initiative, in the order they were started. */
export function buildStatusList(models: readonly LoadedInitiative[]): string {
  const blocks = models.map((model) => {
    const views = phaseViews(model);
    const open = views.find((v) => v.isOpen);
    const last = open ?? views.at(-1);
    const phase = templatePhase(model, model.initiative.phaseKey)?.label.sv ?? model.initiative.phaseKey;
    const lines = [`• ${model.initiative.name}`, `  Fas: ${phase} (${STATUS_TEXT[model.initiative.status]})`];
    if (last) lines.push(`  Deltagande kommuner: ${namesOf(model, last.participantIds)}`);
    if (open && model.initiative.status === 'active') {
      const pending = model.cells.filter((c) => c.phaseKey === open.row.phaseKey && c.status === 'pending' && c.organisationId !== model.committee.id);
      const municipalities = new Set(pending.map((c) => c.organisationId)).size;
      lines.push(`  Kommuner som ännu inte beslutat i fasen: ${municipalities}`);
      if (open.gate) lines.push(`  ${open.gate.canClose ? 'Fasen kan stängas: de beslut som krävs är fattade.' : 'Beslut som krävs för att stänga fasen saknas.'}`);
    }
    const summary = model.initiative.description.split(/\r?\n/)[0]?.trim();
    if (summary) lines.push(`  ${summary}`);
    return lines.join('\n');
  });
  return ['Inom ramen för nämnden pågår följande gemensamma initiativ. Nedan följer en kort status för varje.', ...blocks].join('\n\n');
}
