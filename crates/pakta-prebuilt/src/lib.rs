//! pakta-prebuilt: TOML data files parsed at build time, read back at run time without parsing.
//!
//! The catalogue and the lexicon are TOML that people edit, embedded in the binary. Parsing them was half
//! of what `pakta check` did before it read an agreement. A build script [`encode`]s each file into a
//! compact form that keeps every value's span in the TOML text, and the library deserializes it with
//! [`from_slice`]: the same serde types, the same `toml::Spanned` positions, so an error found in the data
//! after deserializing still names the line and column of the TOML. The TOML stays the one source; the
//! encoded form is rebuilt whenever it changes.
//!
//! The form: the length of the strings (LEB128) and every string of the document, keys included, in
//! order; then value by value, a tag byte, the span's start and end (LEB128), and a string's length, an
//! integer (zigzag LEB128), a float (eight bytes, little-endian), a boolean (one byte), or an array's or
//! table's length and its items (a table's as key length and value).

mod decode;
mod encode;

pub use decode::{Error, from_slice};
pub use encode::encode;

const STRING: u8 = b's';
const INTEGER: u8 = b'i';
const FLOAT: u8 = b'f';
const BOOLEAN: u8 = b'b';
const ARRAY: u8 = b'a';
const TABLE: u8 = b't';

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fmt;

    use serde::Deserialize;
    use serde::de::{MapAccess, SeqAccess, Visitor};
    use toml::Spanned;

    use super::{encode, from_slice};

    /// Any TOML value with the span of every value in it, to compare with what the toml crate reads.
    #[derive(Debug, PartialEq)]
    enum Tree {
        String(String),
        Integer(i64),
        Float(f64),
        Boolean(bool),
        Array(Vec<Spanned<Tree>>),
        Table(BTreeMap<String, Spanned<Tree>>),
    }

    impl<'de> Deserialize<'de> for Tree {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
            struct Any;
            impl<'de> Visitor<'de> for Any {
                type Value = Tree;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a TOML value")
                }
                fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
                    Ok(Tree::String(v.to_string()))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
                    Ok(Tree::Integer(v))
                }
                fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Tree, E> {
                    i64::try_from(v).map(Tree::Integer).map_err(E::custom)
                }
                fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
                    Ok(Tree::Float(v))
                }
                fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
                    Ok(Tree::Boolean(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
                    let mut items = Vec::new();
                    while let Some(item) = seq.next_element()? {
                        items.push(item);
                    }
                    Ok(Tree::Array(items))
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
                    let mut entries = BTreeMap::new();
                    while let Some((key, value)) = map.next_entry()? {
                        entries.insert(key, value);
                    }
                    Ok(Tree::Table(entries))
                }
            }
            deserializer.deserialize_any(Any)
        }
    }

    fn both(text: &str) -> (Spanned<Tree>, Spanned<Tree>) {
        let expected: Spanned<Tree> = toml::from_str(text).expect("valid TOML");
        let encoded = encode(text).expect("encodes");
        let got: Spanned<Tree> = from_slice(&encoded).expect("decodes");
        (got, expected)
    }

    #[test]
    fn every_value_and_span_reads_as_the_toml_crate_reads_it() {
        let text = r#"
# a comment
title = "a \"quoted\" title\nwith a line"
year = 2011
negative = -7
hex = 0xff
ratio = 0.5
yes = true
words = ["a", 'b', """c"""]
nested = [[1, 2], ["x"]]
inline = { en = "yes", id = "ya" }

[table]
dotted.key = "v"

[[list]]
id = "one"
[[list]]
id = "two"
sub = { deep = [ { x = 1 } ] }
"#;
        let (got, expected) = both(text);
        assert_eq!(got, expected);
    }

    /// Every data file pakta embeds, as the toml crate reads it: the encoded form is only a cache of it.
    #[test]
    fn the_embedded_data_files_read_the_same_encoded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![root.join("crates/pakta-norms/data/lexicon.toml")];
        let standards =
            std::fs::read_dir(root.join("agreements/standards")).expect("catalogue folder");
        files.extend(
            standards
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml")),
        );
        assert!(files.len() > 3);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            let (got, expected) = both(&text);
            assert!(
                got == expected,
                "{} reads differently encoded",
                file.display()
            );
        }
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Shape {
        id: Spanned<String>,
        #[serde(default)]
        count: Option<u32>,
        pair: [String; 2],
    }

    #[test]
    fn typed_reads_agree_and_refuse_what_the_type_refuses() {
        let good = "id = \"x\"\ncount = 3\npair = [\"a\", \"b\"]\n";
        let encoded = encode(good).expect("encodes");
        let shape: Shape = from_slice(&encoded).expect("decodes");
        assert_eq!(shape, toml::from_str::<Shape>(good).expect("valid"));
        assert_eq!(shape.id.span(), 5..8);
        for bad in [
            "id = \"x\"\npair = [\"a\", \"b\"]\nother = 1\n",
            "id = \"x\"\ncount = -1\npair = [\"a\", \"b\"]\n",
            "id = 1\npair = [\"a\", \"b\"]\n",
        ] {
            assert!(toml::from_str::<Shape>(bad).is_err(), "{bad}");
            let encoded = encode(bad).expect("encodes");
            assert!(from_slice::<Shape>(&encoded).is_err(), "{bad}");
        }
        // As the toml crate does, an array longer than the type takes gives its first items.
        let longer = "id = \"x\"\npair = [\"a\", \"b\", \"c\"]\n";
        let encoded = encode(longer).expect("encodes");
        assert_eq!(
            from_slice::<Shape>(&encoded).expect("decodes"),
            toml::from_str::<Shape>(longer).expect("valid")
        );
    }

    #[test]
    fn what_has_no_encoded_form_is_an_error_not_a_guess() {
        assert!(encode("a = ").is_err());
        assert!(encode("when = 1979-05-27").is_err());
        let encoded = encode("a = \"text\"").expect("encodes");
        assert!(from_slice::<Tree>(&encoded[..encoded.len() - 1]).is_err());
    }
}
