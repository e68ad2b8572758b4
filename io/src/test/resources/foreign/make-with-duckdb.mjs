import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
// 3 tiny raw-BGR rows: 2x3 image (h=2,w=3) => 18 bytes. Bytes are i*10+c pattern.
const mk = (h, w, base) => { let s = ''; for (let i = 0; i < h*w*3; i++) s += '\\x' + ((base + i) & 255).toString(16).padStart(2, '0').toUpperCase(); return s; };
const rows = [
  ["u-0", 2, 3, mk(2,3,0)],
  ["u-1", 1, 4, mk(1,4,100)],
  ["u-2", 3, 1, mk(3,1,200)],
];
const values = rows.map(([u,h,w,img]) => `('${u}', 'src-${u}', [${h}, ${w}]::BIGINT[], [${h}, ${w}]::BIGINT[], '${img}'::BLOB, 'gbif', 'observation.org', true)`).join(',');
await c.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${values}) v(uuid, source_id, original_size, resized_size, image, source, server, is_license_full)`);
await c.run(`COPY t TO 'duckdb_snappy_int64.parquet' (FORMAT parquet, COMPRESSION snappy)`);
await c.run(`COPY (SELECT uuid, source_id, original_size::INTEGER[] AS original_size, resized_size::INTEGER[] AS resized_size, image, source, server FROM t) TO 'duckdb_zstd_int32.parquet' (FORMAT parquet, COMPRESSION zstd)`);
const r = await c.runAndReadAll(`SELECT uuid, original_size, octet_length(image) FROM 'duckdb_zstd_int32.parquet'`);
console.log(JSON.stringify(r.getRows(), (k,v)=> typeof v === 'bigint' ? v.toString() : v));
