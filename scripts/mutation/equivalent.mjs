// Generated mutants that cannot change behaviour, by key (scripts/mutation/generate.mjs: file|function|mutator|
// original => replacement[|#n], no line number), each with the reason. Not run, not scored; printed with the reason.
// A key that is no longer generated is reported by a full run so the list does not rot.
const C = 'common/chat/coalesce.uts'

export const EQUIVALENT = [
  // --- chat/coalesce.uts ------------------------------------------------------------------------------------------
  { key: `${C}|CoalescedText.append|StatementRemoval|if (delta.length == 0) return => {}`,
    reason: 'an empty delta then adds an empty piece and 0 to pendingLength: all() and take() join the same text, pending() reads the same length (the guard only skips a no-op push).' },
  { key: `${C}|CoalescedText.append|ConditionalExpression|delta.length == 0 => false`, reason: 'the same as removing the guard (above).' },
  { key: `${C}|CoalescedText.all|ConditionalExpression|this.parts.length == 0 => false`,
    reason: 'with no pieces, shown + [].join(\'\') is shown: the branch only skips a join.' },
  { key: `${C}|CoalescedText.take|StatementRemoval|if (this.pendingLength == 0) return '' => {}`,
    reason: 'with nothing pending, the parts join to \'\' (empty pieces only), charCodeAt(-1) is NaN (no surrogate), nothing is added to shown and \'\' is returned: the early return only skips that work.' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|this.pendingLength == 0 => false`, reason: 'the same as removing the early return (above).' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|this.parts.length == 1 => false`,
    reason: 'one piece joined is that piece: the branch only avoids a join.' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|delta.length > 0 => true`, reason: 'appending an empty delta to shown leaves it as it is.' },
  { key: `${C}|CoalescedText.take|EqualityOperator|delta.length > 0 => delta.length >= 0`, reason: 'the same: the extra case is an empty delta.' },
  { key: `${C}|updateDelay|EqualityOperator|wait > 0 => wait >= 0`, reason: 'at wait == 0 both branches return 0.' }
]
