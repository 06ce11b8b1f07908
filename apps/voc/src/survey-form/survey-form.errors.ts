import { badUserInput } from '@switchboard/server';

export const surveyFormErrors = {
  kindChanged: (code: string, kind: string) =>
    badUserInput({
      field: 'input.kind',
      message: `form ${code} is a ${kind} form: a new revision keeps its kind`,
    }),
  topBoxNotCsat: () => badUserInput({ field: 'input.topBoxMin', message: 'only a CSAT form has a top box' }),
};
