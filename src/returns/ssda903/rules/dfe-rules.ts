// Generated from shared/specs/ssda903/ssda903_validation_rules_all_years.csv (the DfE validator's own
// rule list): each implemented rule's message verbatim, the tables and fields it names, and the years it is in
// force. Rule files take their wording from here so it cannot drift from the DfE's.

import type { Ssda903Year } from '../tables.ts'

export interface DfeRuleText {
  message: string
  tables: readonly string[]
  affectedFields: readonly string[]
  years: readonly Ssda903Year[]
}

export const DFE_RULES = {
  '101': {
    message: 'The child or young person’s reported sex is not valid.',
    tables: ['Header'],
    affectedFields: ['SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '102': {
    message: 'Date of birth is not a valid date.',
    tables: ['Header'],
    affectedFields: ['DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '103': {
    message: 'The ethnicity code is either not valid or has not been entered.',
    tables: ['Header'],
    affectedFields: ['ETHNIC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '114': {
    message: 'Data entry to record the status of former carer(s) of an adopted child is invalid.',
    tables: ['AD1'],
    affectedFields: ['FOSTER_CARE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '117': {
    message:
      'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DATE_PLACED_CEASED', 'DEC', 'DECOM', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '118': {
    message:
      'Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DECOM', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '119': {
    message:
      'If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.',
    tables: ['PlacedAdoption'],
    affectedFields: ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '120': {
    message:
      'The reason for the reversal of the decision that the child should be placed for adoption code is not valid.',
    tables: ['PlacedAdoption'],
    affectedFields: ['REASON_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '131': {
    message: 'Data entry for being in touch after leaving care is invalid.',
    tables: ['OC3'],
    affectedFields: ['IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '132': {
    message: 'Data entry for activity after leaving care is invalid.',
    tables: ['OC3'],
    affectedFields: ['ACTIV'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '133': {
    message:
      'Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid',
    tables: ['OC3'],
    affectedFields: ['ACCOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '134': {
    message: 'Data on adoption should not be entered for the OC3 cohort.',
    tables: ['AD1', 'OC3'],
    affectedFields: [
      'ACCOM',
      'ACTIV',
      'DATE_INT',
      'DATE_MATCH',
      'FOSTER_CARE',
      'IN_TOUCH',
      'LS_ADOPTR',
      'NB_ADOPTR',
      'SEX_ADOPTR',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '142': {
    message: 'A new episode has started, but the previous episode has not ended.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '143': {
    message: 'The reason for new episode code is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '144': {
    message: 'The legal status code is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '145': {
    message: 'Category of need code is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['CIN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '146': {
    message: 'Placement type code is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '148': {
    message: 'Date episode ceased and reason episode ceased must both be coded, or both left blank.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '149': {
    message: 'Reason episode ceased code is not valid.',
    tables: ['Episodes'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '151': {
    message: 'All data items relating to a childs adoption must be coded or left blank.',
    tables: ['AD1'],
    affectedFields: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'LS_ADOPTR', 'NB_ADOPTER', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '153': {
    message:
      "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
    tables: ['OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '157': {
    message:
      'Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['DOB', 'SDQ_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '158': {
    message:
      'If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.',
    tables: ['OC2'],
    affectedFields: ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '159': {
    message:
      'If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.',
    tables: ['OC2'],
    affectedFields: ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '165': {
    message: 'Data entry for mother status is invalid.',
    tables: ['Episodes', 'Header', 'OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'DECOM', 'IN_TOUCH', 'MOTHER', 'SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '167': {
    message: 'Data entry for participation is invalid or blank.',
    tables: ['Reviews'],
    affectedFields: ['REVIEW_CODE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '168': {
    message:
      'Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.',
    tables: ['Header'],
    affectedFields: ['UPN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '174': {
    message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
    tables: ['Header'],
    affectedFields: ['MC_DOB', 'SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '175': {
    message: 'The number of adopter(s) code is not a valid code.',
    tables: ['AD1'],
    affectedFields: ['NB_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '176': {
    message: 'The gender of adopter(s) at the date of adoption code is not a valid code.',
    tables: ['AD1'],
    affectedFields: ['SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '177': {
    message: 'The legal status of adopter(s) code is not a valid code.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '178': {
    message: 'Placement provider code is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '180': {
    message: 'Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.',
    tables: ['OC2'],
    affectedFields: ['SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '181': {
    message:
      'Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.',
    tables: ['OC2'],
    affectedFields: [
      'CONVICTED',
      'HEALTH_ASSESSMENT',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'INTERVENTION_OFFERED',
      'INTERVENTION_RECEIVED',
      'SUBSTANCE_MISUSE',
      'TEETH_CHECK',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '182': {
    message:
      'Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.',
    tables: ['OC2'],
    affectedFields: [
      'CONVICTED',
      'HEALTH_ASSESSMENT',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'INTERVENTION_OFFERED',
      'INTERVENTION_RECEIVED',
      'SUBSTANCE_MISUSE',
      'TEETH_CHECK',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '184': {
    message: 'Date of decision that a child should be placed for adoption is before the child was born.',
    tables: ['Header', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '185': {
    message:
      'Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '186': {
    message:
      'Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '187': {
    message:
      'Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.',
    tables: ['AD1', 'Episodes', 'OC3'],
    affectedFields: [
      'ACCOM',
      'ACTIV',
      'DATE_INT',
      'DATE_MATCH',
      'FOSTER_CARE',
      'IN_TOUCH',
      'LS_ADOPTR',
      'NB_ADOPTR',
      'SEX_ADOPTR',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '188': {
    message:
      'Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.',
    tables: ['OC2'],
    affectedFields: ['SDQ_REASON', 'SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '189': {
    message:
      'Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.',
    tables: ['OC2'],
    affectedFields: ['DOB', 'SDQ_REASON', 'SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '190': {
    message:
      'Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: [
      'CONVICTED',
      'HEALTH_ASSESSMENT',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'INTERVENTION_OFFERED',
      'INTERVENTION_RECEIVED',
      'SUBSTANCE_MISUSE',
      'TEETH_CHECK',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '191': {
    message:
      'Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['CHILD', 'HEALTH_ASSESSMENT', 'IMMUNISATIONS', 'SUBSTANCE_MISUSE', 'TEETH_CHECK'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '192': {
    message:
      'Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.',
    tables: ['OC2'],
    affectedFields: ['INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '193': {
    message:
      'Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.',
    tables: ['OC2'],
    affectedFields: ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '196': {
    message: 'Strengths and Difficulties (SDQ) reason is not a valid code.',
    tables: ['OC2'],
    affectedFields: ['SDQ_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '197B': {
    message: 'SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['DOB', 'SDQ_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '197a': {
    message:
      'Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.',
    tables: ['OC2'],
    affectedFields: ['SDQ_REASON', 'SDQ_SCORE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '198': {
    message:
      'Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['SDQ_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '209': {
    message:
      'Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.',
    tables: ['Header'],
    affectedFields: ['DOB', 'UPN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '210': {
    message:
      'Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'UPN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '213': {
    message: 'Placement provider information not required.',
    tables: ['Episodes'],
    affectedFields: ['PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '214': {
    message: 'Placement location information not required.',
    tables: ['Episodes'],
    affectedFields: ['PL_POST', 'URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '215': {
    message:
      'Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.',
    tables: ['OC2', 'OC3'],
    affectedFields: [
      'ACCOM',
      'ACTIV',
      'CONVICTED',
      'HEALTH_ASSESSMENT',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'INTERVENTION_OFFERED',
      'INTERVENTION_RECEIVED',
      'IN_TOUCH',
      'SUBSTANCE_MISUSE',
      'TEETH_CHECK',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '217': {
    message:
      'Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.',
    tables: ['Episodes'],
    affectedFields: ['DECOM', 'PLACE', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '218': {
    message: 'Ofsted Unique reference number (URN) is required.',
    tables: ['Episodes'],
    affectedFields: ['URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '222': {
    message: 'Ofsted Unique reference number (URN) should not be recorded for this placement type.',
    tables: ['Episodes'],
    affectedFields: ['URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '225': {
    message: 'Reason for placement change must be recorded.',
    tables: ['Episodes'],
    affectedFields: ['REASON_PLACE_CHANGE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '226': {
    message: 'Reason for placement change is not required for temporary placements.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'REASON_PLACE_CHANGE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '232': {
    message: 'Sex of the child/young person has been reported as unknown.',
    tables: ['Header'],
    affectedFields: ['SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '233': {
    message: 'Reason for placement change is not required when the episode has not ceased.',
    tables: ['Episodes'],
    affectedFields: ['REASON_PLACE_CHANGE', 'REASON_PLACE_CHANGE'],
    years: ['2025-26', '2026-27'],
  },
  '234': {
    message: 'A child aged under 10 can not change placement due to being admitted to custody',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DOB', 'REASON_PLACE_CHANGE'],
    years: ['2025-26', '2026-27'],
  },
  '301': {
    message: 'Date of birth falls after the year ended.',
    tables: ['Header'],
    affectedFields: ['DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '302': {
    message: 'First episode starts before child was born.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '304': {
    message:
      'Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.',
    tables: ['UASC'],
    affectedFields: ['DUC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '331': {
    message:
      'Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['DATE_MATCH', 'DECOM', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '333': {
    message:
      'Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).',
    tables: ['AD1'],
    affectedFields: ['DATE_INT'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '334': {
    message:
      'Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['DATE_INT', 'DECOM', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '335': {
    message:
      'The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['FOSTER_CARE', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '336': {
    message: 'Child does not have a foster placement immediately prior to being placed for adoption.',
    tables: ['Episodes'],
    affectedFields: ['PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '344': {
    message:
      'The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.',
    tables: ['OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '345': {
    message:
      'The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.',
    tables: ['OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '347': {
    message: 'Care leavers aged under 18 years, can not be accommodated in a Foyer.',
    tables: ['OC3'],
    affectedFields: ['DEC', 'PLACE', 'URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '351': {
    message: 'Child was over 25 at the start of the current collection year.',
    tables: ['Header'],
    affectedFields: ['DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '352': {
    message: 'Child who started to be looked after was aged 18 or over.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '353': {
    message: 'No episode submitted can start before 14 October 1991.',
    tables: ['Episodes'],
    affectedFields: ['DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '354': {
    message: 'Date episode ceased must be on or before the end of the current collection year.',
    tables: ['Episodes'],
    affectedFields: ['DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '355': {
    message: 'Episode appears to have lasted for less than 24 hours',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '356': {
    message: 'The date the episode ceased is before the date the same episode started.',
    tables: ['Episodes'],
    affectedFields: ['DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '357': {
    message:
      'If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.',
    tables: ['Episodes'],
    affectedFields: ['RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '358': {
    message: 'Child with this legal status should not be under 10.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'DOB', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '359': {
    message:
      'Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DEC', 'LS', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '361': {
    message:
      'Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '362': {
    message: 'Emergency protection order (EPO) lasted longer than 21 days',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '363': {
    message: 'Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '364': {
    message:
      'Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '365': {
    message: 'Any individual short- term respite placement must not exceed 17 days.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '366': {
    message: 'A child cannot change placement during the course of an individual short-term respite break.',
    tables: ['Episodes'],
    affectedFields: ['RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '367': {
    message: 'The maximum amount of respite care allowable is 75 days in any 12-month period.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '371': {
    message:
      'Child in supported accomodation not subject to children’s homes regulations should be at least 16.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '372': {
    message: 'Child in youth custody or prison should be at least 10.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '373': {
    message: 'Child placed in a school should be at least 4 years old.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '374': {
    message: 'Child in residential employment should be at least 14 years old.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '375': {
    message: 'Hospitalisation coded as a temporary placement exceeds six weeks.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '376': {
    message:
      'Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '377': {
    message:
      'Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.',
    tables: ['Episodes'],
    affectedFields: ['PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '378': {
    message:
      'A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '379': {
    message: 'Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '380': {
    message: 'A period of care cannot start with a temporary placement.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '381': {
    message: 'A period of care cannot end with a temporary placement.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '382': {
    message: 'A child receiving respite care cannot be in a temporary placement.',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '383': {
    message: 'A child in a temporary placement must subsequently return to his/her normal placement.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PL_POST', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '384': {
    message: 'A child receiving respite care cannot be in a long-term foster placement',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '385': {
    message: 'Date episode ceased must be on or before the end of the current collection year.',
    tables: ['Episodes'],
    affectedFields: ['DEC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '386': {
    message: 'Reason episode ceased is adopted but child has reached age 18.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '387': {
    message:
      'Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '388': {
    message: 'Reason episode ceased is coded new episode begins, but there is no continuation episode.',
    tables: ['Episodes'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '389': {
    message:
      'Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '390': {
    message: 'Reason episode ceased is adopted but child has not been previously placed for adoption.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '391': {
    message: 'Young person was not 17, 18, 19, 20 or 21 during the current collection year.',
    tables: ['OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'DOB', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '392d': {
    message: 'Home and placement postcodes should not be same unless the placement type is P1.',
    tables: ['Episodes'],
    affectedFields: ['HOME_POST', 'PLACE', 'PL_POST'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '393': {
    message: 'Child is looked after but mother field is not completed.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['MOTHER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '398': {
    message: 'Distance field completed but child looked after under legal status V3 or V4.',
    tables: ['Episodes'],
    affectedFields: ['HOME_POST', 'LS', 'PL_POST'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '399': {
    message:
      'Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.',
    tables: ['Episodes', 'Header', 'Reviews'],
    affectedFields: ['LS', 'MOTHER', 'REVIEW', 'REVIEW_CODE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '407': {
    message: 'Reason episode ceased is Special Guardianship Order, but child has reached age 18.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DEC', 'DOB', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '408': {
    message: 'Child is placed for adoption with a placement order, but no placement order has been recorded.',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '426': {
    message:
      'A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.',
    tables: ['Episodes'],
    affectedFields: ['LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '431': {
    message:
      'The reason for new episode is started to be looked after, but the previous episode ended on the same day.',
    tables: ['Episodes'],
    affectedFields: ['DECOM', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '432': {
    message:
      'The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.',
    tables: ['Episodes'],
    affectedFields: ['RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '433': {
    message:
      'The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.',
    tables: ['Episodes'],
    affectedFields: ['DECOM', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '434': {
    message:
      "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'RNE', 'URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '435': {
    message:
      'Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '436': {
    message:
      'Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.',
    tables: ['Episodes'],
    affectedFields: ['LS', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'RNE', 'URN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '437': {
    message: 'Reason episode ceased is child has died or is aged 18 or over but there are further episodes.',
    tables: ['Episodes'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '440': {
    message:
      'Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.',
    tables: ['Reviews'],
    affectedFields: ['DOB', 'REVIEW', 'REVIEW_CODE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '441': {
    message:
      'Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.',
    tables: ['Reviews'],
    affectedFields: ['DOB', 'REVIEW', 'REVIEW_CODE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '442': {
    message: 'Unique Pupil Number (UPN) field is not completed.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['UPN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '444': {
    message: 'Duplicate UPN has been reported',
    tables: ['Header'],
    affectedFields: ['UPN'],
    years: ['2025-26', '2026-27'],
  },
  '446': {
    message: 'E1 is not a valid code for episodes starting before December 2005.',
    tables: ['Episodes'],
    affectedFields: ['DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '460': {
    message:
      'Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DEC', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '501': {
    message: 'A new episode has started before the end date of the previous episode.',
    tables: ['Episodes'],
    affectedFields: ['DEC', 'DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '504': {
    message:
      'The category of need code differs from that reported at start of current period of being looked after',
    tables: ['Episodes'],
    affectedFields: ['CIN'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '511': {
    message:
      'If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.',
    tables: ['AD1'],
    affectedFields: ['NB_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '514': {
    message:
      'Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '516': {
    message:
      'The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '517': {
    message:
      'If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '518': {
    message:
      'If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '519': {
    message:
      'Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '520': {
    message:
      'Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '521': {
    message:
      "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
    tables: ['AD1', 'Episodes'],
    affectedFields: ['DATE_INT', 'DECOM', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '522': {
    message:
      'Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.',
    tables: ['PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '523': {
    message:
      'Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).',
    tables: ['AD1', 'PlacedAdoption'],
    affectedFields: ['DATE_INT', 'DATE_PLACED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '524': {
    message:
      'If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females',
    tables: ['AD1'],
    affectedFields: ['LS_ADOPTR', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '525': {
    message:
      'A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.',
    tables: ['AD1', 'PlacedAdoption'],
    affectedFields: [
      'DATE_INT',
      'DATE_MATCH',
      'DATE_PLACED_CEASED',
      'FOSTER_CARE',
      'LS_ADOPTR',
      'NB_ADOPTR',
      'SEX_ADOPTR',
    ],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '526': {
    message: 'Child is missing a placement provider code for at least one episode.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '527': {
    message: 'A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '528': {
    message: 'A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '529': {
    message:
      'Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '530': {
    message: 'A placement provider code of PR4 cannot be associated with placement P1.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '531': {
    message: 'A placement provider code of PR5 cannot be associated with placements P1.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '542': {
    message: 'A child aged under 10 at 31 March should not have conviction information completed.',
    tables: ['OC2s'],
    affectedFields: ['CONVICTED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '543': {
    message:
      'Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['CONVICTED', 'DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '544': {
    message:
      'Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.',
    tables: ['OC2'],
    affectedFields: ['CONVICTED', 'HEALTH_ASSESSMENT', 'IMMUNISATIONS', 'SUBSTANCE_MISUSE', 'TEETH_CHECK'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '545': {
    message:
      'Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.',
    tables: ['OC2'],
    affectedFields: ['DOB', 'HEALTH_CHECK'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '546': {
    message: 'Children aged 5 or over at 31 March should not have health promotion information completed.',
    tables: ['Episodes', 'OC2'],
    affectedFields: ['DOB', 'HEALTH_CHECK'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '547': {
    message:
      'Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.',
    tables: ['OC2'],
    affectedFields: ['HEALTH_ASSESSMENT', 'HEALTH_CHECK', 'IMMUNISATIONS', 'SUBSTANCE_MISUSE', 'TEETH_CHECK'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '550': {
    message: 'A placement provider code of PR0 can only be associated with placement P1.',
    tables: ['Episodes'],
    affectedFields: ['PLACE', 'PLACE_PROVIDER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '551': {
    message:
      'Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'PLACE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '552': {
    message:
      'Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '553': {
    message:
      'Placement order has been granted but there is no date of decision that the child should be placed for adoption.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['CHILD', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '554': {
    message:
      'Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DECOM', 'LS'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '557': {
    message:
      'Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED_CEASED', 'LS', 'PLACE', 'REASON_PLACED_CEASED', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '558': {
    message:
      'If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.',
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED_CEASED', 'REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '563': {
    message:
      'The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank',
    tables: ['PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '564': {
    message: 'Child was missing or away from placement without authorisation and the date started is blank.',
    tables: ['Missing'],
    affectedFields: ['MISSING', 'MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '565': {
    message:
      'The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.',
    tables: ['Missing'],
    affectedFields: ['MISSING', 'MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '566': {
    message:
      "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
    tables: ['Missing'],
    affectedFields: ['MISSING', 'MIS_END'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '567': {
    message:
      'The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.',
    tables: ['Missing'],
    affectedFields: ['MIS_END', 'MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '570': {
    message:
      'The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.',
    tables: ['Missing'],
    affectedFields: ['MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '571': {
    message:
      'The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.',
    tables: ['Missing'],
    affectedFields: ['MIS_END'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '574': {
    message:
      'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.',
    tables: ['Missing'],
    affectedFields: ['MIS_END', 'MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '575': {
    message:
      'If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.',
    tables: ['Episodes', 'Missing'],
    affectedFields: ['MIS_END'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '577': {
    message:
      'Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.',
    tables: ['Episodes', 'Missing'],
    affectedFields: ['MIS_END'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '578': {
    message: 'The date that the child started to be missing is after the child ceased to be looked after.',
    tables: ['Episodes', 'Missing'],
    affectedFields: ['MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '579': {
    message:
      'A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.',
    tables: ['PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '580': {
    message: 'Child is missing when cease being looked after but reason episode ceased not ‘E8’.',
    tables: ['Episodes', 'MIssing'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '581': {
    message: 'Child is missing but has not yet started to be looked after.',
    tables: ['Episodes', 'Missing'],
    affectedFields: ['MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '582': {
    message:
      'Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['DATE_MATCH', 'DEC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '583': {
    message:
      'More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.',
    tables: ['PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '586': {
    message: 'Dates of missing periods are before child’s date of birth.',
    tables: ['Missing'],
    affectedFields: ['MIS_START'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '601': {
    message:
      'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'LS_ADOPTR', 'NB_ADOPTR', 'REC', 'SEX_ADOPTR'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '602': {
    message:
      'The episode data submitted for this child does not show that he/she was adopted during the year.',
    tables: ['AD1', 'Episodes'],
    affectedFields: ['CHILD'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '607': {
    message: 'Child ceased to be looked after in the year, but mother field has not been completed.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DEC', 'LS', 'MOTHER', 'REC', 'SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '611': {
    message: 'Date of birth field is blank, but child is a mother.',
    tables: ['Header'],
    affectedFields: ['MC_DOB', 'MOTHER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '612': {
    message: 'Date of birth field has been completed but mother field indicates child is not a mother.',
    tables: ['Header'],
    affectedFields: ['MC_DOB', 'MOTHER', 'SEX'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '620': {
    message:
      'Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.',
    tables: ['Header'],
    affectedFields: ['DOB', 'MOTHER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '621': {
    message:
      'Mother’s field has been completed but date of birth shows that the mother is younger than her child.',
    tables: ['Header'],
    affectedFields: ['DOB', 'MC_DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '625': {
    message:
      'Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.',
    tables: ['Episodes', 'Header'],
    affectedFields: ['DEC', 'MC_DOB'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '628': {
    message:
      'Motherhood details are not required for care leavers who have not been looked after during the year.',
    tables: ['Episodes', 'Header', 'OC3'],
    affectedFields: ['MOTHER'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '630': {
    message: 'Information on previous permanence option should be returned.',
    tables: ['Episodes', 'PrevPerm'],
    affectedFields: ['RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '631': {
    message: 'Previous permanence option not a valid value.',
    tables: ['PrevPerm'],
    affectedFields: ['PREV_PERM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '632': {
    message:
      'Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year',
    tables: ['Episodes', 'PrevPerm'],
    affectedFields: ['DATE_PERM', 'DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '633': {
    message: 'Local authority code where previous permanence option was arranged is not a valid value.',
    tables: ['PrevPerm'],
    affectedFields: ['LA_PERM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '634': {
    message:
      'There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.',
    tables: ['Episodes', 'PrevPerm'],
    affectedFields: ['DATE_PERM', 'DECOM', 'LA_PERM', 'PREV_PERM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '635': {
    message:
      'There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1',
    tables: ['PrevPerm'],
    affectedFields: ['DATE_PERM', 'LA_PERM', 'PREV_PERM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1000': {
    message:
      'This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]',
    tables: ['Episodes', 'OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1003': {
    message:
      "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
    tables: ['Episodes', 'PlacedAdoption'],
    affectedFields: ['DATE_PLACED', 'DECOM', 'RNE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1006': {
    message: 'Missing type invalid.',
    tables: ['Missing'],
    affectedFields: ['MISSING'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1007': {
    message:
      'Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]',
    tables: ['Episodes', 'OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1009': {
    message: 'Reason for placement change is not a valid code.',
    tables: ['Episodes'],
    affectedFields: ['REASON_PLACE_CHANGE'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1011': {
    message:
      'This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.',
    tables: ['Episodes', 'OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1012': {
    message: 'No other data should be returned for OC3 children who had no episodes in the current year',
    tables: ['Episodes'],
    affectedFields: ['CHILD'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1014': {
    message: 'UASC information is not required for care leavers',
    tables: ['Episodes', 'OC3', 'UASC'],
    affectedFields: ['ACCOM', 'ACTIV', 'DUC', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '1016': {
    message:
      'Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.',
    tables: ['Episodes', 'OC3'],
    affectedFields: ['ACCOM', 'ACTIV', 'IN_TOUCH'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  '3001': {
    message:
      'Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).',
    tables: ['Header', 'OC3'],
    affectedFields: ['REC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW01aSTG1: {
    message: 'For each social worker episode, information should be complete',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DECOM', 'SW_ID'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW01bSTG1: {
    message: 'For each social worker episode, information should be complete',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DECOM', 'SW_ID', 'SW_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW02STG1: {
    message: 'Social worker ID does not begin with the characters ‘SW’ or ‘XX’.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_ID'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW06STG2: {
    message: 'Social worker episode data should be within the social worker data reporting year.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW07STG2: {
    message:
      'Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DEC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW08STG2: {
    message: 'A new social worker episode has started, but the previous episode has not ended.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DEC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW09STG2: {
    message: 'Social worker episode appears to have lasted for less than 24 hours.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DEC', 'SW_DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW10STG2: {
    message:
      'A new social worker episode has started before the end date of the previous social worker episode.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DECOM'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW11bSTG2: {
    message:
      'Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DEC'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW13STG1: {
    message: 'The reason for social worker change is not valid.',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_REASON'],
    years: ['2024-25', '2025-26', '2026-27'],
  },
  SW17STG2: {
    message: 'There is no social worker episode open at 31 March',
    tables: ['SWEpisodes'],
    affectedFields: ['SW_DEC', 'SW_DECOM'],
    years: ['2025-26', '2026-27'],
  },
} as const satisfies Record<string, DfeRuleText>

export type DfeRuleCode = keyof typeof DFE_RULES
