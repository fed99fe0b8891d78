// Buying together: the fund's agreed part of a closed bulk order is asked of the common pot as one request, like any
// member's (the standing rules answer it, or the members decide); the order keeps which request it was.
export const name = '030_order_fund';

export const up = `
alter table orders add column fund_request_id uuid unique references fund_requests (id);
`;
