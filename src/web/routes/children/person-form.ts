import type { PersonInput } from '../../../services/people.ts'
import { booleanField, dateField, textField } from '../../forms.ts'

/** Reads the person details form (new record and edit details share it). */
export function personFromForm(body: unknown): PersonInput {
  return {
    givenName: textField(body, 'givenName'),
    familyName: textField(body, 'familyName'),
    preferredName: textField(body, 'preferredName'),
    dateOfBirth: dateField(body, 'dateOfBirth'),
    expectedDateOfBirth: dateField(body, 'expectedDateOfBirth'),
    sex: textField(body, 'sex'),
    genderIdentity: textField(body, 'genderIdentity'),
    ethnicity: textField(body, 'ethnicity'),
    religion: textField(body, 'religion'),
    firstLanguage: textField(body, 'firstLanguage'),
    interpreterNeeded: booleanField(body, 'interpreterNeeded'),
    immigrationStatus: textField(body, 'immigrationStatus'),
    uasc: booleanField(body, 'uasc'),
    nhsNumber: textField(body, 'nhsNumber'),
    upn: textField(body, 'upn'),
    formerUpn: textField(body, 'formerUpn'),
    upnUnknown: textField(body, 'upnUnknown'),
    educationSetting: textField(body, 'educationSetting'),
    gpPractice: textField(body, 'gpPractice'),
  }
}
