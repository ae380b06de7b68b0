//! JSON exports and backups written by older otchet, brought up to the current shape before
//! they are read: format 1 (one year per plan, items without responsible or other columns,
//! entries without a review state) gains what format 2 added, with the values a format-1
//! store migrates to.

use serde_json::{Value, json};

/// Upgrades `dump` in place from its `format` to the current one.
pub fn upgrade(dump: &mut Value) {
    if dump.get("format").and_then(Value::as_u64) == Some(1) {
        from_1(dump);
        dump["format"] = json!(2);
    }
}

fn from_1(dump: &mut Value) {
    for plan in array(dump, "plans") {
        plan_from_1(&mut plan["plan"]);
        for item in array(plan, "items") {
            add(item, "responsible", json!(""));
            add(item, "extra", json!([]));
        }
        for period in array(plan, "periods") {
            add(&mut period["period"], "report_date", Value::Null);
            for entry in array(period, "entries") {
                add(&mut entry["entry"], "review", json!("Open"));
                add(&mut entry["entry"], "carried_from", Value::Null);
            }
        }
    }
    for user in array(dump, "users") {
        add(&mut user["user"], "responsible", json!([]));
    }
}

/// A plan of one year: its id and years are that year; the columns are the form's.
fn plan_from_1(plan: &mut Value) {
    let Some(fields) = plan.as_object_mut() else { return };
    let year = fields.remove("year").unwrap_or(Value::Null);
    fields.entry("id").or_insert_with(|| year.clone());
    fields.entry("years").or_insert_with(|| json!({"first": year, "last": year}));
    for (name, value) in [("columns", json!([])), ("signed_by", json!("")), ("executor", json!(""))] {
        fields.entry(name).or_insert(value);
    }
}

fn array<'a>(v: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    v.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten()
}

fn add(v: &mut Value, key: &str, value: Value) {
    if let Some(map) = v.as_object_mut() {
        map.entry(key.to_owned()).or_insert(value);
    }
}
