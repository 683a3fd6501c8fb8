<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Payable: —</source>
        <translation>A pagar: —</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>Primero escanee un socio.</translation>
    </message>
    <message>
        <source>Cannot quote: {message}</source>
        <translation>No se puede calcular: {message}</translation>
    </message>
    <message>
        <source>Type an amount for a category (F4).</source>
        <translation>Escriba un importe para una categoría (F4).</translation>
    </message>
    <message>
        <source>Payable: {amount}</source>
        <translation>A pagar: {amount}</translation>
    </message>
    <message>
        <source>Subtotal {subtotal} · savings {savings}</source>
        <translation>Subtotal {subtotal} · ahorro {savings}</translation>
    </message>
    <message>
        <source>Points to earn: {total}</source>
        <translation>Puntos a ganar: {total}</translation>
    </message>
    <message>
        <source>  = base {base} + tier {tier} + PLUS {plus} + campaign {campaign}</source>
        <translation>  = base {base} + nivel {tier} + PLUS {plus} + campaña {campaign}</translation>
    </message>
    <message>
        <source>Points used: {points} (−{amount})</source>
        <translation>Puntos usados: {points} (−{amount})</translation>
    </message>
    <message>
        <source>Points usable: up to {n}</source>
        <translation>Puntos utilizables: hasta {n}</translation>
    </message>
    <message>
        <source>Coupon {code}: −{amount}</source>
        <translation>Cupón {code}: −{amount}</translation>
    </message>
    <message>
        <source>PLUS saved {amount}</source>
        <translation>PLUS ahorró {amount}</translation>
    </message>
    <message>
        <source>PLUS would have saved {amount}</source>
        <translation>Con PLUS habría ahorrado {amount}</translation>
    </message>
    <message>
        <source>Checkout (F4)</source>
        <translation>Cobro (F4)</translation>
    </message>
    <message>
        <source>{category} ¥</source>
        <translation>{category} ¥</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>Puntos a usar</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Código de cupón</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Confirm and award points (F9)</source>
        <translation>Confirmar y otorgar puntos (F9)</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>That PIN is not right. Try again, or ask a supervisor.</source>
        <translation>Ese PIN no es correcto. Inténtelo de nuevo o pida ayuda a un supervisor.</translation>
    </message>
    <message>
        <source>Scan a member code or type a member number or phone.</source>
        <translation>Escanee un código de socio o escriba un número de socio o teléfono.</translation>
    </message>
    <message>
        <source>Enter at least one amount.</source>
        <translation>Escriba al menos un importe.</translation>
    </message>
    <message>
        <source>Points to use cannot be negative.</source>
        <translation>Los puntos a usar no pueden ser negativos.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 dígitos.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Signed in as {name}. Scan a member code.</source>
        <translation>Sesión iniciada como {name}. Escanee un código de socio.</translation>
    </message>
    <message>
        <source>Scan a member first, then press F4.</source>
        <translation>Primero escanee un socio y luego pulse F4.</translation>
    </message>
    <message>
        <source>Member {member_id} found. F4 to ring up a sale.</source>
        <translation>Socio {member_id} encontrado. F4 para registrar una venta.</translation>
    </message>
    <message>
        <source>Scan a member first.</source>
        <translation>Primero escanee un socio.</translation>
    </message>
    <message>
        <source>Sale recorded: receipt {receipt}, paid {payable}, {earned} points earned, balance {balance} points.</source>
        <translation>Venta registrada: ticket {receipt}, pagado {payable}, {earned} puntos ganados, saldo {balance} puntos.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); it is in the log. Look the member up again before you retry, or call a supervisor.</source>
        <translation>Algo inesperado ha fallado ({kind}); consta en el registro. Vuelva a buscar al socio antes de reintentar, o llame a un supervisor.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problema:</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Hecho:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Aviso:</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Cajero: {name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>Terminal {terminal} · Store {store}</source>
        <translation>Terminal {terminal} · Tienda {store}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Sync stopped — {n} events waiting; call the service desk</source>
        <translation>Sincronización detenida — {n} registros pendientes; llame al mostrador de servicio</translation>
    </message>
    <message>
        <source>Online — {n} events waiting · last sync {time}</source>
        <translation>En línea — {n} registros pendientes · última sincronización {time}</translation>
    </message>
    <message>
        <source>Offline — {n} events waiting</source>
        <translation>Sin conexión — {n} eventos en espera</translation>
    </message>
    <message>
        <source>MemberDesk — terminal {terminal}</source>
        <translation>MemberDesk — terminal {terminal}</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>&amp;Mostrador</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>Buscar socio</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <source>Confirm and award points</source>
        <translation>Confirmar y otorgar puntos</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Next language</source>
        <translation>Siguiente idioma</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Socio</translation>
    </message>
    <message>
        <source>Scan the member code, or type a member number or phone, then Enter</source>
        <translation>Escanee el código de socio, o escriba el número de socio o el teléfono, y pulse Intro</translation>
    </message>
    <message>
        <source>F3 Find member · F4 Checkout · F9 Confirm (Ctrl+Enter) · Esc Back · F10 Sign out · F12 Language</source>
        <translation>F3 Buscar socio · F4 Cobro · F9 Confirmar (Ctrl+Intro) · Esc Volver · F10 Cerrar sesión · F12 Idioma</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No member found for {query}. Check the number, or enroll the customer.</source>
        <translation>No se encontró ningún socio para {query}. Compruebe el número o dé de alta al cliente.</translation>
    </message>
    <message>
        <source>No member {member_id} on this terminal. Check the number, or enroll the customer.</source>
        <translation>No existe el socio {member_id} en este terminal. Compruebe el número o dé de alta al cliente.</translation>
    </message>
    <message>
        <source>The member has {balance} points; {requested} cannot be used.</source>
        <translation>El socio tiene {balance} puntos; no se pueden usar {requested}.</translation>
    </message>
    <message>
        <source>Points to use: {text} is not a whole number.</source>
        <translation>Puntos a usar: {text} no es un número entero.</translation>
    </message>
    <message>
        <source>{field}: {text} is not an amount; type yuan with at most two decimals, e.g. 12.50</source>
        <translation>{field}: {text} no es un importe; escriba yuanes con dos decimales como máximo, p. ej. 12.50</translation>
    </message>
    <message>
        <source>At most {max_points} points can be used on this purchase.</source>
        <translation>En esta compra se pueden usar como máximo {max_points} puntos.</translation>
    </message>
</context>
<context>
    <name>MemberCardView</name>
    <message>
        <source>No member yet.
Scan the member code, or type a member number or phone number, then press Enter.</source>
        <translation>Todavía no hay socio.
Escanee el código de socio, o escriba el número de socio o el teléfono, y pulse Intro.</translation>
    </message>
    <message>
        <source>PLUS until {date}</source>
        <translation>PLUS hasta {date}</translation>
    </message>
    <message>
        <source>No PLUS</source>
        <translation>Sin PLUS</translation>
    </message>
    <message>
        <source>Member {member_id} · Phone {phone}</source>
        <translation>Socio {member_id} · Teléfono {phone}</translation>
    </message>
    <message>
        <source>Tier: {tier}</source>
        <translation>Nivel: {tier}</translation>
    </message>
    <message>
        <source>{missing} growth to {tier} (growth {growth})</source>
        <translation>Faltan {missing} de crecimiento para {tier} (crecimiento {growth})</translation>
    </message>
    <message>
        <source>Top tier reached (growth {growth})</source>
        <translation>Nivel máximo alcanzado (crecimiento {growth})</translation>
    </message>
    <message>
        <source>{points} points, worth {value}</source>
        <translation>{points} puntos, valen {value}</translation>
    </message>
    <message>
        <source>{n} points owed from refunds</source>
        <translation>{n} puntos adeudados por devoluciones</translation>
    </message>
    <message>
        <source>Expiring soon: {points} points on {date}</source>
        <translation>Caducan pronto: {points} puntos el {date}</translation>
    </message>
    <message>
        <source>No points expiring soon</source>
        <translation>Ningún punto caduca pronto</translation>
    </message>
    <message>
        <source>Stage: {stage} — {action}</source>
        <translation>Etapa: {stage} — {action}</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Etapa: {stage}</translation>
    </message>
    <message>
        <source>(coupon {code})</source>
        <translation>(cupón {code})</translation>
    </message>
    <message>
        <source>Birthday: {note}</source>
        <translation>Cumpleaños: {note}</translation>
    </message>
    <message>
        <source>{medal} {level}/{levels}</source>
        <translation>{medal} {level}/{levels}</translation>
    </message>
    <message>
        <source>Medals: {list}</source>
        <translation>Medallas: {list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{code} ({name}, until {date})</source>
        <translation>{code} ({name}, hasta {date})</translation>
    </message>
    <message>
        <source>Coupons: {list}</source>
        <translation>Cupones: {list}</translation>
    </message>
    <message>
        <source>Benefits: {list}</source>
        <translation>Ventajas: {list}</translation>
    </message>
    <message>
        <source>All changes confirmed by the ledger</source>
        <translation>Todos los cambios confirmados por el registro central</translation>
    </message>
    <message>
        <source>1 change not yet confirmed by the ledger</source>
        <translation>1 cambio aún sin confirmar por el registro central</translation>
    </message>
    <message>
        <source>{n} changes not yet confirmed by the ledger</source>
        <translation>{n} cambios aún sin confirmar por el registro central</translation>
    </message>
    <message>
        <source>new member</source>
        <translation>socio nuevo</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>en crecimiento</translation>
    </message>
    <message>
        <source>loyal</source>
        <translation>fiel</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
</context>
<context>
    <name>RuleBook</name>
    <message>
        <source>Bronze</source>
        <translation>Bronce</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Plata</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platino</translation>
    </message>
    <message>
        <source>Points on every purchase</source>
        <translation>Puntos en cada compra</translation>
    </message>
    <message>
        <source>10% more points</source>
        <translation>10 % más de puntos</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>Regalo de cumpleaños</translation>
    </message>
    <message>
        <source>20% more points</source>
        <translation>20 % más de puntos</translation>
    </message>
    <message>
        <source>2% off</source>
        <translation>2 % de descuento</translation>
    </message>
    <message>
        <source>Free gift wrapping</source>
        <translation>Envoltorio de regalo gratis</translation>
    </message>
    <message>
        <source>50% more points</source>
        <translation>50 % más de puntos</translation>
    </message>
    <message>
        <source>5% off</source>
        <translation>5 % de descuento</translation>
    </message>
    <message>
        <source>Free parking 3 h</source>
        <translation>Aparcamiento gratis 3 h</translation>
    </message>
    <message>
        <source>Priority service desk</source>
        <translation>Atención prioritaria</translation>
    </message>
    <message>
        <source>2x points</source>
        <translation>Puntos dobles</translation>
    </message>
    <message>
        <source>3% off</source>
        <translation>3 % de descuento</translation>
    </message>
    <message>
        <source>5% off grocery</source>
        <translation>5 % de descuento en alimentación</translation>
    </message>
    <message>
        <source>8% off dining</source>
        <translation>8 % de descuento en restauración</translation>
    </message>
    <message>
        <source>Cinema: 2 tickets a month at half price</source>
        <translation>Cine: 2 entradas al mes a mitad de precio</translation>
    </message>
    <message>
        <source>Car wash: 1 a month free</source>
        <translation>Lavado de coche: 1 gratis al mes</translation>
    </message>
    <message>
        <source>Grocery</source>
        <translation>Alimentación</translation>
    </message>
    <message>
        <source>Fashion</source>
        <translation>Moda</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>Electrónica</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>Belleza</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Gourmet</source>
        <translation>Gourmet</translation>
    </message>
    <message>
        <source>Trendsetter</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Habitual</translation>
    </message>
    <message>
        <source>Critic</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <source>Welcome: explain how points work</source>
        <translation>Bienvenida: explique cómo funcionan los puntos</translation>
    </message>
    <message>
        <source>Mention the next tier and what it brings</source>
        <translation>Mencione el siguiente nivel y lo que ofrece</translation>
    </message>
    <message>
        <source>Thank them; offer PLUS if not a member</source>
        <translation>Agradézcale; ofrezca PLUS si no lo tiene</translation>
    </message>
    <message>
        <source>Offer the win-back coupon</source>
        <translation>Ofrezca el cupón de regreso</translation>
    </message>
    <message>
        <source>Offer the win-back coupon and check the phone number</source>
        <translation>Ofrezca el cupón de regreso y compruebe el teléfono</translation>
    </message>
    <message>
        <source>Birthday month: offer the birthday gift</source>
        <translation>Mes de cumpleaños: ofrezca el regalo de cumpleaños</translation>
    </message>
    <message>
        <source>PLUS monthly 10 yuan off 100</source>
        <translation>PLUS mensual: 10 yuanes menos por cada 100</translation>
    </message>
    <message>
        <source>We missed you: 20 yuan off 150</source>
        <translation>Le echábamos de menos: 20 yuanes menos en 150</translation>
    </message>
    <message>
        <source>10% off dining</source>
        <translation>10 % de descuento en restauración</translation>
    </message>
    <message>
        <source>A free coffee</source>
        <translation>Un café gratis</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Cashier (↑ ↓ to choose)</source>
        <translation>&amp;Cajero (↑ ↓ para elegir)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Escriba su PIN</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Entrar (Intro)</translation>
    </message>
    <message>
        <source>Enter signs in · Esc clears the PIN · F12 changes the language</source>
        <translation>Intro inicia sesión · Esc borra el PIN · F12 cambia el idioma</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
    <message>
        <source>Not signed in: {message}</source>
        <translation>Sesión no iniciada: {message}</translation>
    </message>
</context>
</TS>
