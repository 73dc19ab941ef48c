import type { Ssda903Rule } from '../types.ts'
import { rule101 } from './rule-101.ts'
import { rule102 } from './rule-102.ts'
import { rule103 } from './rule-103.ts'
import { rule114 } from './rule-114.ts'
import { rule119 } from './rule-119.ts'
import { rule120 } from './rule-120.ts'
import { rule131 } from './rule-131.ts'
import { rule132 } from './rule-132.ts'
import { rule133 } from './rule-133.ts'
import { rule142 } from './rule-142.ts'
import { rule143 } from './rule-143.ts'
import { rule144 } from './rule-144.ts'
import { rule145 } from './rule-145.ts'
import { rule146 } from './rule-146.ts'
import { rule148 } from './rule-148.ts'
import { rule149 } from './rule-149.ts'
import { rule151 } from './rule-151.ts'
import { rule153 } from './rule-153.ts'
import { rule158 } from './rule-158.ts'
import { rule159 } from './rule-159.ts'
import { rule167 } from './rule-167.ts'
import { rule168 } from './rule-168.ts'
import { rule174 } from './rule-174.ts'
import { rule175 } from './rule-175.ts'
import { rule176 } from './rule-176.ts'
import { rule177 } from './rule-177.ts'
import { rule178 } from './rule-178.ts'
import { rule180 } from './rule-180.ts'
import { rule181 } from './rule-181.ts'
import { rule184 } from './rule-184.ts'
import { rule186 } from './rule-186.ts'
import { rule188 } from './rule-188.ts'
import { rule189 } from './rule-189.ts'
import { rule190 } from './rule-190.ts'
import { rule191 } from './rule-191.ts'
import { rule192 } from './rule-192.ts'
import { rule193 } from './rule-193.ts'
import { rule196 } from './rule-196.ts'
import { rule213 } from './rule-213.ts'
import { rule225 } from './rule-225.ts'
import { rule226 } from './rule-226.ts'
import { rule232 } from './rule-232.ts'
import { rule301 } from './rule-301.ts'
import { rule302 } from './rule-302.ts'
import { rule304 } from './rule-304.ts'
import { rule333 } from './rule-333.ts'
import { rule344 } from './rule-344.ts'
import { rule345 } from './rule-345.ts'
import { rule351 } from './rule-351.ts'
import { rule354 } from './rule-354.ts'
import { rule355 } from './rule-355.ts'
import { rule356 } from './rule-356.ts'
import { rule357 } from './rule-357.ts'
import { rule358 } from './rule-358.ts'
import { rule380 } from './rule-380.ts'
import { rule381 } from './rule-381.ts'
import { rule385 } from './rule-385.ts'
import { rule386 } from './rule-386.ts'
import { rule388 } from './rule-388.ts'
import { rule391 } from './rule-391.ts'
import { rule393 } from './rule-393.ts'
import { rule431 } from './rule-431.ts'
import { rule432 } from './rule-432.ts'
import { rule433 } from './rule-433.ts'
import { rule434 } from './rule-434.ts'
import { rule435 } from './rule-435.ts'
import { rule436 } from './rule-436.ts'
import { rule440 } from './rule-440.ts'
import { rule441 } from './rule-441.ts'
import { rule442 } from './rule-442.ts'
import { rule444 } from './rule-444.ts'
import { rule501 } from './rule-501.ts'
import { rule504 } from './rule-504.ts'
import { rule511 } from './rule-511.ts'
import { rule514 } from './rule-514.ts'
import { rule522 } from './rule-522.ts'
import { rule526 } from './rule-526.ts'
import { rule527 } from './rule-527.ts'
import { rule528 } from './rule-528.ts'
import { rule529 } from './rule-529.ts'
import { rule530 } from './rule-530.ts'
import { rule531 } from './rule-531.ts'
import { rule543 } from './rule-543.ts'
import { rule545 } from './rule-545.ts'
import { rule550 } from './rule-550.ts'
import { rule564 } from './rule-564.ts'
import { rule565 } from './rule-565.ts'
import { rule566 } from './rule-566.ts'
import { rule567 } from './rule-567.ts'
import { rule570 } from './rule-570.ts'
import { rule571 } from './rule-571.ts'
import { rule574 } from './rule-574.ts'
import { rule577 } from './rule-577.ts'
import { rule578 } from './rule-578.ts'
import { rule579 } from './rule-579.ts'
import { rule581 } from './rule-581.ts'
import { rule586 } from './rule-586.ts'
import { rule601 } from './rule-601.ts'
import { rule607 } from './rule-607.ts'
import { rule611 } from './rule-611.ts'
import { rule612 } from './rule-612.ts'
import { rule621 } from './rule-621.ts'
import { rule630 } from './rule-630.ts'
import { rule631 } from './rule-631.ts'
import { rule635 } from './rule-635.ts'
import { rule1006 } from './rule-1006.ts'
import { rule1007 } from './rule-1007.ts'
import { rule1009 } from './rule-1009.ts'
import { ruleSW01bSTG1 } from './rule-sw01bstg1.ts'
import { ruleSW02STG1 } from './rule-sw02stg1.ts'
import { ruleSW07STG2 } from './rule-sw07stg2.ts'
import { ruleSW08STG2 } from './rule-sw08stg2.ts'
import { ruleSW10STG2 } from './rule-sw10stg2.ts'
import { ruleSW13STG1 } from './rule-sw13stg1.ts'
import { ruleSW17STG2 } from './rule-sw17stg2.ts'

// Every implemented SSDA903 rule, listed explicitly (no file globbing) in code order.
export const SSDA903_RULES: readonly Ssda903Rule[] = [
  rule101,
  rule102,
  rule103,
  rule114,
  rule119,
  rule120,
  rule131,
  rule132,
  rule133,
  rule142,
  rule143,
  rule144,
  rule145,
  rule146,
  rule148,
  rule149,
  rule151,
  rule153,
  rule158,
  rule159,
  rule167,
  rule168,
  rule174,
  rule175,
  rule176,
  rule177,
  rule178,
  rule180,
  rule181,
  rule184,
  rule186,
  rule188,
  rule189,
  rule190,
  rule191,
  rule192,
  rule193,
  rule196,
  rule213,
  rule225,
  rule226,
  rule232,
  rule301,
  rule302,
  rule304,
  rule333,
  rule344,
  rule345,
  rule351,
  rule354,
  rule355,
  rule356,
  rule357,
  rule358,
  rule380,
  rule381,
  rule385,
  rule386,
  rule388,
  rule391,
  rule393,
  rule431,
  rule432,
  rule433,
  rule434,
  rule435,
  rule436,
  rule440,
  rule441,
  rule442,
  rule444,
  rule501,
  rule504,
  rule511,
  rule514,
  rule522,
  rule526,
  rule527,
  rule528,
  rule529,
  rule530,
  rule531,
  rule543,
  rule545,
  rule550,
  rule564,
  rule565,
  rule566,
  rule567,
  rule570,
  rule571,
  rule574,
  rule577,
  rule578,
  rule579,
  rule581,
  rule586,
  rule601,
  rule607,
  rule611,
  rule612,
  rule621,
  rule630,
  rule631,
  rule635,
  rule1006,
  rule1007,
  rule1009,
  ruleSW01bSTG1,
  ruleSW02STG1,
  ruleSW07STG2,
  ruleSW08STG2,
  ruleSW10STG2,
  ruleSW13STG1,
  ruleSW17STG2,
]
