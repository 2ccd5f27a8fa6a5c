/** A violation typed in from a paper ticket (处罚决定书), as the 直通车 price query takes it. */
export interface TicketDraft {
  city: string;
  /** yyyy-MM-dd HH:mm */
  time: string;
  location: string;
  lawCode: string;
  reason: string;
  fineYuan: string;
  points: string;
  ticketNo: string;
}

export const EMPTY_TICKET: TicketDraft = {
  city: '',
  time: '',
  location: '',
  lawCode: '',
  reason: '',
  fineYuan: '',
  points: '0',
  ticketNo: '',
};

export type TicketProblems = Partial<Record<keyof TicketDraft, string>>;

/** The same rules the server applies (ManualViolationDto), checked before sending so the person sees them at once. */
export function checkTicket(draft: TicketDraft): TicketProblems {
  const problems: TicketProblems = {};
  if (draft.city.trim().length < 2) problems.city = '请填写违章城市，如“杭州市”';
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(draft.time)) problems.time = '请选择违章时间';
  if (draft.location.trim().length < 2) problems.location = '请填写违章地点';
  if (!/^[0-9A-Za-z-]{2,16}$/.test(draft.lawCode.trim())) problems.lawCode = '违章代码见处罚决定书，如 1039';
  if (draft.reason.trim().length < 2) problems.reason = '请填写违章行为，如“违反规定停放”';
  const fine = Number(draft.fineYuan);
  if (draft.fineYuan === '' || !Number.isInteger(fine) || fine < 0 || fine > 100000) {
    problems.fineYuan = '罚款金额应为整数（元）';
  }
  const points = Number(draft.points);
  if (!Number.isInteger(points) || points < 0 || points > 12) problems.points = '扣分应为 0 到 12 的整数';
  if (draft.ticketNo && !/^[0-9A-Za-z]{6,32}$/.test(draft.ticketNo.trim())) {
    problems.ticketNo = '处罚决定书编号为 6 到 32 位字母或数字';
  }
  return problems;
}

/** The request item the server expects. */
export function ticketItem(draft: TicketDraft) {
  return {
    city: draft.city.trim(),
    time: draft.time,
    location: draft.location.trim(),
    lawCode: draft.lawCode.trim(),
    reason: draft.reason.trim(),
    fineYuan: Number(draft.fineYuan),
    points: Number(draft.points),
    ...(draft.ticketNo.trim() ? { ticketNo: draft.ticketNo.trim() } : {}),
  };
}
