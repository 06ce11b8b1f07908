import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A case imported from a CRM export, by its natural key there (the CRM and its case id): a rerun of
 * the same file finds it here and adds nothing.
 */
@Entity({ tableName: 'care_case_import' })
export class CaseImport {
  @PrimaryKey({ type: 'text' })
  crmSource!: string;

  @PrimaryKey({ type: 'text' })
  crmCaseId!: string;

  @Property({ type: 'uuid' })
  @Unique({ name: 'care_case_import_case_uq' })
  caseId!: string;

  @Property({ type: 'timestamptz' })
  importedAt: Date = new Date();
}
