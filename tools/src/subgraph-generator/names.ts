/** The spellings a new subgraph and its first entity take in file names, code, SQL and GraphQL. */
export interface SubgraphNames {
  /** `care`: directory, database suffix, registry name, GraphQL subgraph name. */
  name: string;
  /** `Care`: class prefixes. */
  className: string;
  /** `CARE`: environment variable prefix. */
  constName: string;
  /** `Case`: the entity's class and GraphQL type. */
  entity: string;
  /** `case`: its folder and file prefix (kebab case). */
  entityFile: string;
  /** `case`: its query field (camel case). */
  entityField: string;
  /** `cases`: its list field. */
  entityListField: string;
  /** `care_case`: its table (prefixed by the subgraph: never a reserved word). */
  entityTable: string;
}

const NAME = /^[a-z][a-z0-9]{1,19}$/;
const ENTITY = /^[A-Z][A-Za-z0-9]{1,39}$/;

export function subgraphNames(name: string, entity: string): SubgraphNames {
  if (!NAME.test(name))
    throw new Error(`name: "${name}" must be 2-20 lower-case letters or digits, starting with a letter`);
  if (!ENTITY.test(entity))
    throw new Error(`entity: "${entity}" must be PascalCase letters or digits (e.g. Case, Survey)`);
  const words = entity.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  const entityField = entity[0].toLowerCase() + entity.slice(1);
  return {
    name,
    className: name[0].toUpperCase() + name.slice(1),
    constName: name.toUpperCase(),
    entity,
    entityFile: words.join('-'),
    entityField,
    entityListField: /(s|x|ch|sh)$/.test(entityField) ? `${entityField}es` : `${entityField}s`,
    entityTable: `${name}_${words.join('_')}`,
  };
}
