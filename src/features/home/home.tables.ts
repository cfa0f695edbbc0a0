/**
 * The home feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../platform/db/columns.js';

/** Feedback from the accessibility statement's form (lag 2018:1937). */
export const accessibilityFeedback = pgTable('accessibility_feedback', {
  id: id(),
  pageUrl: text('page_url').notNull().default(''),
  message: text('message').notNull(),
  contact: text('contact').notNull().default(''),
  createdAt: createdAt(),
  handledAt: instant('handled_at'),
});

/** What a select of each table above returns. */
export type AccessibilityFeedbackRow = typeof accessibilityFeedback.$inferSelect;
