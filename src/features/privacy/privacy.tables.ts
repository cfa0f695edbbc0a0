/**
 * The privacy feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { organisations } from '../organisation/organisation.tables.js';

/** The register of processing of personal data (GDPR art. 30). */
export const personalDataProcessing = pgTable('personal_data_processing', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  legalBasis: text('legal_basis').notNull(),
  categoriesOfData: text('categories_of_data').notNull().default(''),
  categoriesOfPeople: text('categories_of_people').notNull().default(''),
  recipients: text('recipients').notNull().default(''),
  /** Art. 30(1)(e): transfers to a third country or an international organisation, with the safeguards; "Inga" when none. */
  thirdCountryTransfers: text('third_country_transfers').notNull().default(''),
  retention: text('retention').notNull().default(''),
  /** Art. 30(1)(g), 32(1): a general description of the technical and organisational security measures. */
  securityMeasures: text('security_measures').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
/** Art. 30(1)(a): the controller (the committee) and its data protection officer, with contact details; the register's head. */
export const personalDataControllers = pgTable('personal_data_controllers', {
  committeeId: ref('committee_id', () => organisations.id).primaryKey(),
  controllerName: text('controller_name').notNull(),
  controllerContact: text('controller_contact').notNull(),
  dpoName: text('dpo_name').notNull(),
  dpoContact: text('dpo_contact').notNull(),
  updatedAt: updatedAt(),
});

/** What a select of each table above returns. */
export type PersonalDataProcessingRow = typeof personalDataProcessing.$inferSelect;
export type PersonalDataControllerRow = typeof personalDataControllers.$inferSelect;
