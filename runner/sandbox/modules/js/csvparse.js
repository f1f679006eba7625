// require('csv-parse/lib/sync'): csv-parse 1.2's synchronous parser (the
// version Postman's sandbox bundles), written for colrun. It supports the
// 1.x options scripts use: delimiter, quote, escape, columns (true, a list
// or a function of the header), skip_empty_lines, trim/ltrim/rtrim,
// auto_parse, relax, relax_column_count, comment, from, to and objname.
// As under Newman 6.2.2, a row whose field count differs from the first
// row's (or the columns') throws, naming the line the row ends on, except
// the last row without a line end after it, which ends the parse with the
// records read before it; an empty line passes.

function isSpace(c) { return c === ' ' || c === '\t'; }

function autoParse(v) {
  if (/^\s*-?\d+\s*$/.test(v)) return parseInt(v, 10);
  if (/^\s*-?(\d*\.\d+|\d+\.\d*)\s*$/.test(v) || /^\s*-?\d+(\.\d+)?e[+-]?\d+\s*$/i.test(v)) return parseFloat(v);
  return v;
}

module.exports = function parse(input, options) {
  options = options || {};
  input = String(input);
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  var delim = options.delimiter === undefined ? ',' : String(options.delimiter);
  var quote = options.quote === undefined || options.quote === true ? '"' : (options.quote ? String(options.quote) : '');
  var escape = options.escape === undefined ? '"' : String(options.escape);
  var ltrim = !!(options.trim || options.ltrim), rtrim = !!(options.trim || options.rtrim);
  var comment = options.comment ? String(options.comment) : '';
  var rows = [], ends = [], row = [], field = '', quoted = false, wasQuoted = false, line = 1, i = 0, n = input.length;
  var fieldStarted = false;

  function endField() {
    var v = field;
    if (!wasQuoted) {
      if (ltrim) v = v.replace(/^[ \t]+/, '');
      if (rtrim) v = v.replace(/[ \t]+$/, '');
    }
    if (options.auto_parse && !wasQuoted) v = autoParse(v);
    row.push(v);
    field = '';
    wasQuoted = false;
    fieldStarted = false;
  }
  // ends[r] is the line row r ends on, negated for a last row that no
  // line end closes.
  function endRow(last) {
    endField();
    rows.push(row);
    ends.push(last ? -line : line);
    row = [];
  }

  while (i < n) {
    var c = input[i];
    if (quoted) {
      if (c === escape && input[i + 1] === quote && escape !== quote) {
        field += quote; i += 2; continue;
      }
      if (c === quote) {
        if (escape === quote && input[i + 1] === quote) { field += quote; i += 2; continue; }
        quoted = false;
        i++;
        // After a closing quote only a delimiter or a line end may come.
        var j = i;
        while (j < n && rtrim && isSpace(input[j])) j++;
        if (j < n && input.substr(j, delim.length) !== delim && input[j] !== '\n' && input[j] !== '\r') {
          if (options.relax) { field = quote + field + quote; continue; }
          throw new Error('Invalid closing quote at line ' + line + '; found ' + JSON.stringify(input[j]) +
            ' instead of delimiter ' + JSON.stringify(delim));
        }
        i = j;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (comment && !fieldStarted && row.length === 0 && input.substr(i, comment.length) === comment) {
      while (i < n && input[i] !== '\n' && input[i] !== '\r') i++;
      if (input[i] === '\r' && input[i + 1] === '\n') i++;
      i++;
      line++;
      continue;
    }
    if (quote && c === quote) {
      if (field.replace(/^[ \t]+/, '') === '' || (!ltrim && field === '')) {
        if (field === '' || ltrim) { quoted = wasQuoted = true; field = ''; fieldStarted = true; i++; continue; }
      }
      if (options.relax) { field += c; fieldStarted = true; i++; continue; }
      throw new Error('Invalid opening quote at line ' + line);
    }
    if (input.substr(i, delim.length) === delim) { endField(); fieldStarted = true; i += delim.length; continue; }
    if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && input[i + 1] === '\n') i++;
      i++;
      line++;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new Error('Quoted field not terminated at line ' + line);
  if (field !== '' || row.length > 0 || wasQuoted) endRow(true);

  var out = [], columns = null, expected = -1, count = 0;
  for (var r = 0; r < rows.length; r++) {
    var rec = rows[r];
    var empty = rec.length === 1 && rec[0] === '';
    if (empty && options.skip_empty_lines) continue;
    if (options.columns && columns === null) {
      columns = typeof options.columns == 'function' ? options.columns(rec) :
        (Array.isArray(options.columns) ? options.columns : rec);
      if (!Array.isArray(options.columns)) { expected = rec.length; continue; }
    }
    if (expected === -1) expected = columns ? columns.length : rec.length;
    if (rec.length !== expected && !options.relax_column_count && !empty) {
      if (ends[r] < 0) break;
      throw new Error(columns ? 'Number of columns on line ' + ends[r] + ' does not match header' :
        'Number of columns is inconsistent on line ' + ends[r]);
    }
    count++;
    if (options.from && count < options.from) continue;
    if (options.to && count > options.to) continue;
    if (columns) {
      var obj = {};
      for (var k = 0; k < rec.length; k++) obj[columns[k]] = rec[k];
      rec = obj;
    }
    out.push(rec);
  }
  if (options.objname && columns) {
    var byName = {};
    out.forEach(function (o) { byName[o[options.objname]] = o; });
    return byName;
  }
  return out;
};
