import Testing
@testable import CertLintCrypto

// Every expected value in this file was recomputed with Python's `cryptography` package
// (`Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()`); the RFC 8032
// vectors are cited where they are used.

@Suite struct Ed25519Tests {
    // RFC 8032 §7.1, "Test Vectors for Ed25519": SECRET KEY → PUBLIC KEY of each test.
    static let rfc8032Vectors: [(name: String, secretKey: String, publicKey: String)] = [
        ("TEST 1",
         "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        ("TEST 2",
         "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        ("TEST 3",
         "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025"),
        ("TEST 1024",
         "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
         "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e"),
        ("TEST SHA(abc)",
         "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
         "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf"),
    ]

    @Test(arguments: rfc8032Vectors)
    func rfc8032(name: String, secretKey: String, publicKey: String) {
        #expect(Ed25519.publicKey(fromSeed: Self.bytes(secretKey))?.hexString == publicKey, "\(name)")
    }

    // A collection that is not contiguous (hashed through the chunked path) gives the same key.
    @Test func nonContiguousSeed() {
        let seed = Self.bytes(Self.rfc8032Vectors[0].secretKey)
        #expect(Ed25519.publicKey(fromSeed: seed.lazy.map { $0 })?.hexString == Self.rfc8032Vectors[0].publicKey)
        #expect(Ed25519.publicKey(fromSeed: ([0] + seed)[1...])?.hexString == Self.rfc8032Vectors[0].publicKey)
    }

    // Only 32-byte seeds have a public key; every other length is nil, never a trap.
    @Test func wrongLengths() {
        for length in [0, 1, 16, 31, 33, 48, 57, 64, 100_000] {
            #expect(Ed25519.publicKey(fromSeed: [UInt8](repeating: 0x42, count: length)) == nil, "length \(length)")
        }
        #expect(Ed25519.publicKeyByteCount == 32)
        #expect(Ed25519.seedByteCount == 32)
    }

    // Extreme seeds are ordinary seeds (the scalar is pruned from their hash); values from
    // `cryptography`.
    @Test func extremeSeeds() {
        #expect(Ed25519.publicKey(fromSeed: [UInt8](repeating: 0, count: 32))?.hexString
            == "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29")
        #expect(Ed25519.publicKey(fromSeed: [UInt8](repeating: 0xff, count: 32))?.hexString
            == "76a1592044a6e4f511265bca73a604d90b0529d1df602be30a19a9257660d1f5")
    }

    // 1·B is the base point of RFC 8032 §5.1 (y = 4/5, x even), encoded; L·B, L the group order
    // of RFC 8032 §5.1, is the neutral element (0, 1); (L − 1)·B is −B: the same y, and x odd.
    @Test func baseMultiples() {
        let curve = Ed25519Curve.shared
        let one: [UInt8] = [1] + [UInt8](repeating: 0, count: 31)
        #expect(curve.encode(curve.multiplyBase(littleEndianScalar: one)).hexString
            == "5866666666666666666666666666666666666666666666666666666666666666")
        let order = Self.bytes("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed")
        #expect(curve.encode(curve.multiplyBase(littleEndianScalar: order.reversed())).hexString
            == "01" + String(repeating: "00", count: 31))
        let orderMinusOne = Self.bytes("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ec")
        // (L − 1)·B = −B: same y, x of the other parity (B's x is even, so the top bit is set).
        #expect(curve.encode(curve.multiplyBase(littleEndianScalar: orderMinusOne.reversed())).hexString
            == "58666666666666666666666666666666666666666666666666666666666666e6")
    }

    // 50 random seeds against `cryptography`: see `differentialVectors`.
    @Test func agreesWithPythonCryptography() {
        let lines = Self.differentialVectors.split(separator: "\n")
        #expect(lines.count == 50)
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else {
                Issue.record("malformed vector line: \(line)")
                continue
            }
            #expect(Ed25519.publicKey(fromSeed: Self.bytes(String(fields[0])))?.hexString == String(fields[1]),
                    "seed \(fields[0])")
        }
    }

    /// The bytes of a hexadecimal string (test data only).
    static func bytes(_ hex: String) -> [UInt8] {
        MontgomeryField.bytes(fromHex: hex)
    }
}

extension Ed25519Tests {
    /// 50 random seeds and their public keys, one `seed public` pair per line in hex. Made once
    /// with Python 3 and `cryptography` 48.0.0, by the program quoted above
    /// `WeierstrassCurveTests.differentialVectors` (its `# ed25519` section):
    ///
    ///     seed = os.urandom(32)
    ///     print(seed.hex(), ed25519.Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw().hex())
    static let differentialVectors = """
        49bc8d829dad2c6ebd9c36be656c2be3e66aaf13d3d39673463f63b9582e415a dc6f04e503f153b7cdd0355ed97c8e497537c4ec7d5962a087b791a89bfea9a9
        a31cb4328ad5580e1ea557cc1c22e2a10cf123ec11b22661b2c7111ee8ae66cf b27828583271386f2c73c51bc363648211e42069e07da283b46effc09d382ed5
        1d4ff0488e726911f8b61cdcb6d22783754727d59c05cafb2d88133a171f9d92 ec678e9ab811c159541817fce90a991aec93ac9c26800589ceb333301bc49355
        7301cd2ce69adee9db0ed99a2c1e5f3dad11f9c185636319efa9ddc186195ad0 289a180c6bd985129dbeb2a23c6cd64ab730931e6dc414d49a7ef43538fed8d5
        44e8cc71f769f887bcf6375d1a8070c072086ec3a5498577172eedbb2b031bee 89b98a70b0dcf4d004ff153b26abe05bccf2aecf7a929572c543892b8f9e6d77
        e7f944c6b947c4e40ccb51ed8ee83320d13871b83049a406b8144f8b0f839320 fdd91540e5f60729ed99e5ea0458f24ad4995b628720229fef5e569b21dfa1aa
        a1876d1328cb730813414bd61624ec8bb5533112c5b6028b8539ac3a6f668fd5 3c589a8ab3c49b91b128f8172119818bc9957c4ef3102bd2d3bd4d14eb7dd9ca
        06da2a904a4c31fe78a37b48d2063f99749472d3752ca5ede499af2cbac433b1 36cc095cf2696923e2d14bf821823cdd2398476d900de46f6f7fceccd0512dc1
        a460147a526553c29318a47aeae23e2161862206352c10a85f6917fd4cab7b30 471908af484c589e68771e439e0573d0688c8cafceb21caf0bbee47d41cd050a
        42625ee1a0566470b752c31dee7f2d04c207e13236061466bcc78e1d883ed743 e76fc7deb35a51a1b2bd4e20db224489a00efea88def8593eda445d0bbb03ad1
        6d9b71624df1a0f6c62d948521156212b05b1f9dbb6670bc5d7be28aa5b2e44e e90a6a13356af8734e30a0f53a1e2e7ba3f605fdd8c6ec25796ea4b2cf136c8f
        98e930718c7519257c2001e2f7fab78d951c8edfe3046994ef611fcd8f9515a7 0fc578b0fb3d88cc74d27a0827a0e2dbc6a89495001b085a5fc334a3f693ea44
        fe226e9072d5d4bf6da67e062cd21c5d32b20855109c9e8c19fe491c1d1d021c 37868999e699ed8f9bb07e6d648c14132fda53d319cb375caffcbfc52b1f5fa7
        e335b4a2a7d7f82ac35581b2cb89a8cba39089194fae3b35664570276c8f2dd9 ea13963c76a65171faf499ec977d2bef30e1f12350b653604dbdb01d0b5c185d
        9117bf03f59d825b62fe03d086ea0e30af37d7f046fa90917921e53ecea99898 48fb9bac2772de3be0f367825145d0710afe6ad4b4570d52708c62b840e96dae
        c8f8b142b8d13bc507cbd3f0a28f7a5317cb607b4cd989aa5ec2b03b4c42f2ef f7c4fd861c6e919c2f3073f5cb4b7f9e37eb6ac2d9d66216b475e8706e245350
        143a6399baac6e0882f4c4c9ebe39a08335cf969c336ea48ffb787eaccfab384 6674f44860284550670148a279e42bf27907d66510db61a071a24fce163554dd
        b1c5a6519928454315f1edfd16d422543b005c4896c285132cc86558e30b55ab f45ef316049919804ed96ae232ef3db566dfc90b2ab55ce8998ffa94256dd961
        fb6c313a8493dce6dc2a12dc12fa9f482dce2d37daf723adf93637d86318044a a6298db7ca55aad83279c8b78adecf651645a83f84a7e02de5fb75df0e2134f6
        08b024b08035648c07dbae0a60938e240e21a8f5e1ab33d263f72e6472a1a692 08d460c6d88b975a4dd7c4fa3e7c36241676f63ea8e3891293a2c1ea4ca5449d
        bb2c1599654862ed59c6f326872b22c30cc180964e5632ff22bd49857ad2011f 13f121af93899ecef6e1008b28b4fab5c352e79b9c2fea41aa69a0f2e1f6e6c7
        0782668fb7f3fe9466e4873d35b025551e9523a83ba3b94270690c857e830d81 c151e1ddf75123780e8ea7f59e850cdd5da1b3a459a374cca598d820d2046d04
        24513553b77e35729606120cfb2f7a5bbba385f42ae3aa2742541b8ac8bb45e5 4f1fc34b1418de245a18461ef1a1d8b4dde5e7d18a8a26b464079d97d78c687a
        7e476f849e2f6737d7f2705c032382cf4335a5dc9b19b9a79b9470ea01e9dc4a 5227661ff358cb0fc9fb078e9da081de367a293297172629f0b81a443e05872f
        4a246077133b195d05d1e72c359d156e7aeeb7ffd3050e8444893b69a9d1a019 a0439dc8b42301cfee98557473287a253acdfbb88248963db8fa4c04a976fb2c
        dd7213bc8359ab32b35bd674805374bad98e03bdd088f432a3f959cdec367428 8322563294147358cf544f4e05cbbc0c0da64c18e50e7a19d3c1aa7ae38d0957
        2627d07ea3022872cc1843356d748b7d39b75c29251e6bd146cc1f4a76ee1faa aa457ef65f60b50585ede49ca85d2e1b314479e3ea25ae8fdde89318b4b82b77
        1f7fa7c930f4565c96701a9c7c6eb7e27a25da675d96d2a85fafb8c751b88e1c 90691981808c0388d5c942d36cc7e8f1f50ddb413267392e97be8792f63d28e8
        4140e14dfb737a1f9331a6c238d8a1b982dd79292f16d776c62ad037bc273820 4df8301e03e81bf13f94d886e2a14399652d57dfb53d795d3282ddee32cb34d7
        08349284d67ff3a56e9f96a91548a26f4f52d9430133636f58987c641bba6780 d659ad5d31689f6517c4dfa63805edd1f83fae080e6d1d65f4d787ca80ef4dda
        068a6e8180fe55faff1f973f62fbafc476cd9df159c1281d683cbbdd473f0e85 2e9002b397c4bf75098577851fbfe8a1b4f7bfc83f96106a1cbf8004e5a9b343
        4444f9832afc30687c2c6384ff9fd0845fabd31bd32382d9423f6f51f759631a 4dc936e9d77f4595e04d6b8c13b79e6d99ad657373733a3190cc2a65bcb44857
        4f46e3f2a68b09873e17fb954c408be9d6446110f0a446944dfa79f60b3a9785 6db836ac33af0944ea396e94720c1d8b220700c9327e243471294f0b70611b30
        c437907faa173fbfc96f448af7edbe6bc82d343476f50d763e8e66ae2b612e5e c44358843292d981f9b59d769615f01ec58a21b389a0f21aa681f77ebdad30f7
        b883bbed0b5ede4d6d18e4eb1c9c12015ab2a1e46abb8135ef840a8b22801535 d303173a8673fe1c81e38ca14f7b44e1acc5c58af2f96619f42f57414049df76
        74327068256761b27a8b79365d67f46c5d37573064a2479238937db193fd13cb 157e6e2d6dec8307ead6ebed161cce5010ebaa50b6eb1a84712b8b9102adfbfa
        33245f600110206d406039af9751b334e20c85faf8e1f9bc4d057f127822dbc8 e3ef1b9f3fc43e605f659779668feded29ab73b96f5c1c248fce5d112a1c8a85
        1cdd59cad2f0d2c79611b077998567eea527240563954410e9ba07048ed5ccf4 6e819dd6a4033003364754ae8f867baa3750ae4f40ba88c889d81fc407efa9cc
        3e86aca42ac1c08d10bbbc5e558a85b2c1e30561dc6ce737ba8aba67b7a7867e ca7837fad2754a8b0429dcfa69c546595e6a7758d04216d9e33570ec379e3333
        9ef05f393ecba75f344fa641d053148b35e5fbf79bb91d4250125ff32f478f91 f7f78a4c13db692a51574d4c92eb22b27be452ecba7e6e22cc1a449dcef4a8c1
        78e5ec5b975b58a5a039862266839663b6395c0aecf8cfa44917778cadbd27c1 4ff5cdd01bb3bf7607cc6ec5ae3d0824daf3b62a639bc06dd863bc687e180d3b
        a526caae0552374774ec3dc6eeb809b5c12351b9e2d2d4989d4b70a986e0b3d5 7fdc17f886f4639cf0df4c3db6b031580acdbdccd44df194820814aa72cc74b0
        6ed1e6882272d78aca8f14a0abbd7bc9e14dc30ae4baacce15f50b349e08f983 88bb3dee50ea88fc5d5a8fcf20646217e7aeb04c4e86d510301cb6a025655cb0
        067aeb7fed8e98fcbc40048ef223a41a20bb58349db766070bf63ae1d529d400 83bbc6d62e7270ed98a4e49d116bb10fee9854fe150b1478dc4754ca69fa8415
        388c9930caae9e22bf9890f03e878ed4ed4c22000d011b3784455756e63d1fa0 fd3e52b21d4e51988d1318b23645e9aa4a6ea7844a8e6fd1327b1405697e5d2c
        d69925e1602f7a8814a2d645ecd4144d4bb414f626cad1851c5691292c25aff9 b26daeaf1cd57dcb7744ced7da85841881acca8a30bb3ca4f5d8d372ae08a64d
        aecfad506b41b687e95d20d8c992d9f750e45c35a7d1c957316928e1e38963ac e7e3dcdb3c7f4ce8052f4f8b9f3cd3d70a66f5e9697cc32bf61ca079761c6488
        0fbfeec797356304be9bb7f7b7f750de6d124a588a177a58794026190888ec3f 0bfb997256fd05be3408eea49c07a1e664a99d477b554d9681d055f7542706dd
        bb7bbee8c16a6cb29952c0ec91d4b5c4c5707d552401f1a2a8bc95116621fd37 3d4eea7b465cb74bed9be43a650bd16245199178c980fcb15a63a418e6d07561
        1177aa6683f5a47aeb88f057bec6ad45de5e9d634c06cc0685d8ef7b16e9cdb5 f934061508e4e5083d7f7e4688224a0122c855e9235b97661c64e900e16d8a08
        """
}
