// expect: none
// Library-style code: numbers the code computed, written into ordering comparisons and arithmetic.
class NestedSetExecutor {
  constructor(queryRunner) {
    this.queryRunner = queryRunner;
  }

  async insert(tableName, parentRight) {
    await this.queryRunner.query(
      `UPDATE ${tableName} SET nsleft = CASE WHEN nsleft > ${parentRight} THEN nsleft + 2 ELSE nsleft END, ` +
        `nsright = nsright + 2 WHERE nsright >= ${parentRight}`,
    );
  }

  async page(tableName, pageSize, offset) {
    return this.queryRunner.query(`SELECT id FROM ${tableName} ORDER BY id LIMIT ${pageSize} OFFSET ${offset}`);
  }
}

module.exports = { NestedSetExecutor };
