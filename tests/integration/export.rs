//! The JSON export and the command line.

use std::process::Command;

use parallel_reader::comparison::Comparison;
use parallel_reader::export;
use serde_json::Value;

use crate::hay::seeds_dir;

fn seed_json() -> Value {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    let mut bytes = Vec::new();
    let options = export::Options::for_format(export::Format::Json);
    export::write(&comparison, export::Format::Json, options, &mut bytes).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn json_export_follows_the_schema() {
    let json = seed_json();
    assert_eq!(json["schema"], "parallel-reader/comparison/1");
    assert!(json["title"].as_str().is_some_and(|t| !t.is_empty()));
    let documents = json["documents"].as_array().unwrap();
    let roles: Vec<&str> = documents
        .iter()
        .map(|d| d["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["left", "right", "coverage", "coverage", "coverage"]);
    for doc in documents {
        for key in ["id", "lang", "label", "path"] {
            assert!(doc[key].is_string(), "{key}");
        }
        for (idx, paragraph) in doc["paragraphs"].as_array().unwrap().iter().enumerate() {
            assert_eq!(paragraph["index"], idx);
            assert!(
                ["heading", "body", "boilerplate"].contains(&paragraph["kind"].as_str().unwrap())
            );
            assert!(paragraph["text"].is_string());
            assert!(paragraph["figures"].is_array());
        }
    }
    // Rows cover every left and right paragraph exactly once, in reading order.
    let rows = json["rows"].as_array().unwrap();
    for (side, doc) in [("left", &documents[0]), ("right", &documents[1])] {
        let covered: Vec<u64> = rows
            .iter()
            .flat_map(|r| {
                r[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
            })
            .collect();
        let expected: Vec<u64> = (0..doc["paragraphs"].as_array().unwrap().len() as u64).collect();
        assert_eq!(covered, expected, "{side}");
    }
    for row in rows {
        assert!(row["mismatches"].is_array() && row["links"].is_array());
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallel-reader"))
}

#[test]
fn command_line_export_reads_the_folder_or_the_manifest() {
    let folder = binary().arg("export").arg(seeds_dir()).output().unwrap();
    assert!(
        folder.status.success(),
        "{}",
        String::from_utf8_lossy(&folder.stderr)
    );
    let manifest = binary()
        .args(["export", "--format", "json"])
        .arg(seeds_dir().join("set.json"))
        .output()
        .unwrap();
    assert!(manifest.status.success());
    assert_eq!(folder.stdout, manifest.stdout);
    let json: Value = serde_json::from_slice(&folder.stdout).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 129);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let written = binary()
        .arg("export")
        .arg(seeds_dir())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(written.status.success());
    assert!(written.stdout.is_empty());
    assert_eq!(std::fs::read(&out).unwrap(), folder.stdout);
}

#[test]
fn command_line_errors_exit_non_zero_and_name_the_file() {
    let missing = binary().args(["export", "/no/such/set"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("/no/such/set"), "{stderr}");

    let unwritable = binary()
        .arg("export")
        .arg(seeds_dir())
        .args(["--out", "/no/such/folder/out.json"])
        .output()
        .unwrap();
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unwritable.stderr).contains("/no/such/folder/out.json"));

    let help = binary().args(["export", "--help"]).output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format"));
}
