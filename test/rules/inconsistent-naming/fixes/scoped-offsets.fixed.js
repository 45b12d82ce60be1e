// fix: Rename to `pageOffset`
const pageSize = 20;
const maxPages = 5;

function listUsers(db, page) {
  const pageOffset = page * pageSize;
  return db.query('SELECT * FROM users LIMIT $1 OFFSET $2', [pageSize, pageOffset]);
}

function listOrders(db, page) {
  const pageOffset = Math.min(page, maxPages) * pageSize;
  const ordersPage = db.orders.findMany({ skip: pageOffset, take: pageSize });
  return ordersPage;
}

function describePage(page) {
  const firstItem = page * pageSize + 1;
  const lastItem = firstItem + pageSize - 1;
  return `${firstItem}–${lastItem}`;
}

module.exports = { listUsers, listOrders, describePage };
